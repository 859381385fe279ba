package br.com.opera360.web.export;

import java.util.Map;

/** {@code POST /api/exports} body. */
record RequestExportRequest(String dataset, String format, Map<String, Object> filters) {
}
