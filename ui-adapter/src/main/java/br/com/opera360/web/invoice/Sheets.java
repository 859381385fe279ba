package br.com.opera360.web.invoice;

import br.com.opera360.query.export.SheetWriter;

import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.negotiation.NegotiationDetails;

import java.util.List;

import static br.com.opera360.query.export.SheetWriter.Type.DATE;
import static br.com.opera360.query.export.SheetWriter.Type.INTEGER;
import static br.com.opera360.query.export.SheetWriter.Type.MONEY;
import static br.com.opera360.query.export.SheetWriter.Type.TEXT;

/** The contract's columns for the invoice-services and negotiation spreadsheets. */
final class Sheets {
    private Sheets() {
    }

    static Spreadsheet invoiceServices(InvoiceItems invoice) {
        var sheet = new Spreadsheet("Serviços", List.of(
                new SheetWriter.Column("Designação", TEXT),
                new SheetWriter.Column("Tipo de Serviço", TEXT),
                new SheetWriter.Column("Descrição", TEXT),
                new SheetWriter.Column("Início do Período", DATE),
                new SheetWriter.Column("Fim do Período", DATE),
                new SheetWriter.Column("Valor", MONEY)));
        for (var line : invoice.items()) {
            sheet.row(line.designation(), line.serviceType(), line.description(), line.periodStart(), line.periodEnd(), line.amount());
        }
        return sheet;
    }

    static Spreadsheet negotiation(NegotiationDetails negotiation) {
        var sheet = new Spreadsheet("Parcelas", List.of(
                new SheetWriter.Column("Parcela", INTEGER),
                new SheetWriter.Column("Vencimento", DATE),
                new SheetWriter.Column("Valor", MONEY),
                new SheetWriter.Column("Status", TEXT),
                new SheetWriter.Column("Pago em", DATE)));
        for (var i : negotiation.installments()) {
            sheet.row(i.number(), i.dueDate(), i.amount(), i.status().label(), i.paidOn());
        }
        return sheet;
    }
}
