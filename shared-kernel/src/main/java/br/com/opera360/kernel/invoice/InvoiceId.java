package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;

import java.util.Objects;

/** An invoice's aggregate id carries its account: invoice numbers are unique only within an account. */
public record InvoiceId(String value) {
    public InvoiceId {
        Objects.requireNonNull(value, "invoiceId");
    }

    public static InvoiceId of(AccountId account, String number) {
        return new InvoiceId(account.value() + ":" + number);
    }

    @Override
    public String toString() {
        return value; // Axon stores aggregate ids via toString()
    }
}
