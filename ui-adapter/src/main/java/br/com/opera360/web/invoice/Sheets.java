package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.negotiation.NegotiationDetails;

import java.util.List;

import static br.com.opera360.web.invoice.Spreadsheet.Type.DATE;
import static br.com.opera360.web.invoice.Spreadsheet.Type.INTEGER;
import static br.com.opera360.web.invoice.Spreadsheet.Type.MONEY;
import static br.com.opera360.web.invoice.Spreadsheet.Type.TEXT;

/** The contract's columns for the invoice-services and negotiation spreadsheets. */
final class Sheets {
    private Sheets() {
    }

    static Spreadsheet invoiceServices(InvoiceItems invoice) {
        var sheet = new Spreadsheet("Serviços", List.of(
                new Spreadsheet.Column("Designação", TEXT),
                new Spreadsheet.Column("Tipo de Serviço", TEXT),
                new Spreadsheet.Column("Descrição", TEXT),
                new Spreadsheet.Column("Início do Período", DATE),
                new Spreadsheet.Column("Fim do Período", DATE),
                new Spreadsheet.Column("Valor", MONEY)));
        for (var line : invoice.items()) {
            sheet.row(line.designation(), line.serviceType(), line.description(), line.periodStart(), line.periodEnd(), line.amount());
        }
        return sheet;
    }

    static Spreadsheet negotiation(NegotiationDetails negotiation) {
        var sheet = new Spreadsheet("Parcelas", List.of(
                new Spreadsheet.Column("Parcela", INTEGER),
                new Spreadsheet.Column("Vencimento", DATE),
                new Spreadsheet.Column("Valor", MONEY),
                new Spreadsheet.Column("Status", TEXT),
                new Spreadsheet.Column("Pago em", DATE)));
        for (var i : negotiation.installments()) {
            sheet.row(i.number(), i.dueDate(), i.amount(), i.status().label(), i.paidOn());
        }
        return sheet;
    }
}
