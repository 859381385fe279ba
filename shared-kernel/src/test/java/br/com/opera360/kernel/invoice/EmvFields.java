package br.com.opera360.kernel.invoice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BR Code reader written from the manual, independently of {@link BrCode}: reads ID-length-value fields in order,
 * refuses a length that runs past the end, opens the templates 26 and 62, and checks field 63 with a table-driven
 * CRC16-CCITT-FALSE (the encoder computes it bit by bit).
 */
record EmvFields(Map<String, String> fields, Map<String, String> account, Map<String, String> additional) {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int value = i << 8;
            for (int bit = 0; bit < 8; bit++) value = (value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1;
            TABLE[i] = value & 0xFFFF;
        }
    }

    static EmvFields read(String payload) {
        Map<String, String> top = tlv(payload);
        if (!top.keySet().iterator().next().equals("00")) throw new AssertionError("field 00 must come first: " + top.keySet());
        String crcField = payload.substring(payload.length() - 8);
        if (!crcField.startsWith("6304")) throw new AssertionError("the payload must end with field 63 of length 04: " + payload);
        String expected = crc(payload.substring(0, payload.length() - 4));
        if (!expected.equals(top.get("63"))) throw new AssertionError("CRC " + top.get("63") + " but the payload gives " + expected);
        return new EmvFields(top, tlv(top.get("26")), tlv(top.get("62")));
    }

    static Map<String, String> tlv(String data) {
        Map<String, String> out = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length()) {
            if (at + 4 > data.length()) throw new AssertionError("truncated field header at " + at + " in " + data);
            String id = data.substring(at, at + 2);
            if (!id.matches("\\d\\d")) throw new AssertionError("field id must be 2 digits: " + id);
            int length = Integer.parseInt(data.substring(at + 2, at + 4));
            if (length < 1 || at + 4 + length > data.length()) throw new AssertionError("field " + id + " length " + length + " runs past the end");
            if (out.put(id, data.substring(at + 4, at + 4 + length)) != null) throw new AssertionError("field " + id + " twice");
            at += 4 + length;
        }
        return out;
    }

    static String crc(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            crc = ((crc << 8) ^ TABLE[((crc >> 8) ^ b) & 0xFF]) & 0xFFFF;
        }
        return String.format("%04X", crc);
    }
}
