package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.service.ServiceAddress;
import br.com.opera360.kernel.service.ServiceSummary;

import java.util.List;

import static br.com.opera360.query.export.SheetWriter.Type.DATE;
import static br.com.opera360.query.export.SheetWriter.Type.INTEGER;
import static br.com.opera360.query.export.SheetWriter.Type.MONEY;
import static br.com.opera360.query.export.SheetWriter.Type.TEXT;

/** The contract's columns of each dataset and how a list row fills them. */
final class ExportSheets {
    static final List<SheetWriter.Column> INVOICE_COLUMNS = List.of(
            new SheetWriter.Column("Nº Fatura", TEXT),
            new SheetWriter.Column("Data Emissão", DATE),
            new SheetWriter.Column("Data Vencimento", DATE),
            new SheetWriter.Column("Valor Total", MONEY),
            new SheetWriter.Column("Empresa Emissora", TEXT),
            new SheetWriter.Column("Status", TEXT));

    static final List<SheetWriter.Column> SERVICE_COLUMNS = List.of(
            new SheetWriter.Column("Designação", TEXT),
            new SheetWriter.Column("Tipo de Serviço", TEXT),
            new SheetWriter.Column("Contrato", TEXT),
            new SheetWriter.Column("Código Cliente", TEXT),
            new SheetWriter.Column("Velocidade (Mbps)", INTEGER),
            new SheetWriter.Column("Status", TEXT),
            new SheetWriter.Column("Endereço", TEXT),
            new SheetWriter.Column("Cidade", TEXT),
            new SheetWriter.Column("UF", TEXT),
            new SheetWriter.Column("CEP", TEXT));

    private ExportSheets() {
    }

    static List<SheetWriter.Column> columns(ExportDataset dataset) {
        return dataset == ExportDataset.INVOICES ? INVOICE_COLUMNS : SERVICE_COLUMNS;
    }

    static String sheetName(ExportDataset dataset) {
        return dataset == ExportDataset.INVOICES ? "Faturas" : "Serviços";
    }

    static void write(SheetWriter sheet, Object row) throws java.io.IOException {
        if (row instanceof InvoiceListItem i) {
            sheet.row(i.number(), i.issueDate(), i.dueDate(), i.totalAmount(), i.issuer(), i.statusLabel());
        } else if (row instanceof ServiceSummary s) {
            ServiceAddress a = s.address();
            sheet.row(s.designation(), s.serviceType(), s.contract(), s.clientCode(), s.speedMbps(), s.statusLabel(),
                    a == null ? null : street(a), a == null ? null : a.city(), a == null ? null : a.state(),
                    a == null ? null : a.cep());
        } else {
            throw new IllegalArgumentException("unexpected row " + row.getClass().getSimpleName());
        }
    }

    /** "Av. Paulista, 1000, 10º andar – Bela Vista": city, UF and CEP have their own columns. */
    static String street(ServiceAddress a) {
        var sb = new StringBuilder(a.street()).append(", ").append(a.number());
        if (a.complement() != null && !a.complement().isBlank()) sb.append(", ").append(a.complement());
        if (a.district() != null && !a.district().isBlank()) sb.append(" – ").append(a.district());
        return sb.toString();
    }
}
