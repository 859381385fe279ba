package br.com.opera360.app.config;

import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.export.ExportServices;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Jackson mix-in of the kernel's {@code ExportQuery} (a field of {@code RequestExport} and {@code ExportRequested}):
 * its kinds are told apart by their fields ({@code list}, or {@code accountId} and {@code filter}), so the stored
 * JSON is the record as it is, with no type name, and the kernel stays free of Jackson.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ExportInvoices.class), @JsonSubTypes.Type(ExportServices.class)})
interface ExportQueryTypes {
}
