package br.com.opera360.web.invoice;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the main fields of an NF-e XML (layout of the Manual de Orientação do Contribuinte: ide, emit, dest, det/prod,
 * total/ICMSTot) by local name, so any namespace prefix works. DTDs and external entities are refused (XXE).
 */
final class NotaFiscalXml {
    record Party(String name, String document) {
    }

    record Item(String description, String amount) {
    }

    record Fields(String number, String series, String issuedAt, String operation, Party issuer, Party recipient,
                  String total, List<Item> items) {
    }

    private NotaFiscalXml() {
    }

    static boolean isWellFormed(String xml) {
        return parse(xml).isPresent();
    }

    static Optional<org.w3c.dom.Document> parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new InputSource(new StringReader(xml))));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static Fields read(String xml) {
        var doc = parse(xml).orElse(null);
        if (doc == null) return new Fields(null, null, null, null, null, null, null, List.of());
        Element root = doc.getDocumentElement();
        Element ide = first(root, "ide");
        Element emit = first(root, "emit");
        Element dest = first(root, "dest");
        Element totals = first(root, "ICMSTot");
        List<Item> items = new ArrayList<>();
        NodeList prods = root.getElementsByTagNameNS("*", "prod");
        for (int i = 0; i < prods.getLength(); i++) {
            Element prod = (Element) prods.item(i);
            items.add(new Item(text(prod, "xProd"), text(prod, "vProd")));
        }
        String issuedAt = text(ide, "dhEmi") != null ? text(ide, "dhEmi") : text(ide, "dEmi");
        return new Fields(text(ide, "nNF"), text(ide, "serie"), issuedAt, text(ide, "natOp"), party(emit), party(dest),
                text(totals, "vNF"), items);
    }

    private static Party party(Element e) {
        if (e == null) return null;
        String document = text(e, "CNPJ") != null ? text(e, "CNPJ") : text(e, "CPF");
        return new Party(text(e, "xNome"), document);
    }

    private static Element first(Element parent, String localName) {
        if (parent == null) return null;
        if (localName.equals(parent.getLocalName())) return parent;
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element parent, String localName) {
        if (parent == null) return null;
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element el && localName.equals(el.getLocalName())) return el.getTextContent().strip();
        }
        Element nested = first(parent, localName);
        return nested == null || nested == parent ? null : nested.getTextContent().strip();
    }
}
