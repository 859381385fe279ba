package br.com.opera360.web.service;

import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Uf;
import br.com.opera360.kernel.service.Address;
import br.com.opera360.web.common.Fields;

/** The address part of a service body; every bad field is reported under {@code <prefix>.<field>}. */
record AddressBody(String street, String number, String complement, String district, String city, String state, String cep) {

    static Address parse(AddressBody body, String prefix, Fields fields) {
        if (body == null) {
            fields.reject(prefix, "é obrigatório");
            return null;
        }
        String p = prefix + ".";
        String street = fields.requiredText(p + "street", body.street(), 200);
        String number = fields.requiredText(p + "number", body.number(), 20);
        String complement = optional(fields, p + "complement", body.complement(), 100);
        String district = optional(fields, p + "district", body.district(), 100);
        String city = fields.requiredText(p + "city", body.city(), 100);
        Uf uf = fields.parse(p + "state", () -> Uf.parse(body.state()));
        Cep cep = fields.parse(p + "cep", () -> new Cep(body.cep()));
        if (street == null || number == null || city == null || uf == null || cep == null) return null;
        // the one rule left: the CEP must lie in the UF's range
        return fields.parse(p + "cep", () -> new Address(street, number, complement, district, city, uf, cep));
    }

    private static String optional(Fields fields, String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        return fields.requiredText(field, value, max);
    }
}
