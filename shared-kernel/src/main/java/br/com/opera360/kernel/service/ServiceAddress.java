package br.com.opera360.kernel.service;

/** An installation address as recorded in events and shown in answers: plain facts, no checks. */
public record ServiceAddress(String street, String number, String complement, String district, String city,
                             String state, String cep) {

    /** One line for people: "Av. Paulista, 1000, 10º andar – Bela Vista, São Paulo/SP, CEP 01310-100". */
    public String describe() {
        StringBuilder sb = new StringBuilder(street).append(", ").append(number);
        if (complement != null) sb.append(", ").append(complement);
        sb.append(" – ");
        if (district != null) sb.append(district).append(", ");
        sb.append(city).append('/').append(state);
        if (cep != null && cep.length() == 8) sb.append(", CEP ").append(cep, 0, 5).append('-').append(cep.substring(5));
        return sb.toString();
    }
}
