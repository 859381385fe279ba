package br.com.opera360.kernel.common;

/** What a profile grants. Codes are part of the API contract. */
public enum Functionality {
    INVOICES_VIEW("Visualizar faturas", "Faturas"),
    INVOICES_BOLETO("Visualizar boleto", "Faturas"),
    INVOICES_NOTA_FISCAL("Visualizar Nota Fiscal", "Faturas"),
    INVOICES_EXPORT("Exportar faturas", "Faturas"),
    SERVICES_VIEW("Visualizar serviços", "Serviços"),
    SERVICES_MAP("Mapa de geolocalização", "Serviços"),
    SERVICES_EXPORT("Exportar serviços", "Serviços"),
    PROFILES_MANAGE("Gerenciar perfis", "Administração"),
    USERS_MANAGE("Gerenciar usuários", "Administração"),
    AUDIT_VIEW("Consultar auditoria", "Auditoria");

    private final String label;
    private final String module;

    Functionality(String label, String module) {
        this.label = label;
        this.module = module;
    }

    public String label() {
        return label;
    }

    public String module() {
        return module;
    }
}
