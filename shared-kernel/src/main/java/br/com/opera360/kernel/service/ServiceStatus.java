package br.com.opera360.kernel.service;

/** Codes are part of the API contract; labels are the pt-BR words of spreadsheets and screens (contract v1.2). */
public enum ServiceStatus {
    INSTALLING("Em instalação"),
    ACTIVE("Ativo"),
    SUSPENDED("Suspenso"),
    CANCELLED("Cancelado");

    private final String label;

    ServiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ServiceStatus parse(String code) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("é obrigatório");
        try {
            return valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deve ser INSTALLING, ACTIVE, SUSPENDED ou CANCELLED");
        }
    }

    /** The label of a stored code; the code itself if it is unknown (history stays readable). */
    public static String labelOf(String code) {
        for (ServiceStatus s : values()) if (s.name().equals(code)) return s.label;
        return code;
    }
}
