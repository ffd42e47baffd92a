package dev.kaiyuan.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Strict XML reading for feeds and the sitemap (jsoup's XML parser forgives what feed readers do
 * not). Nothing is fetched: external entities and DTDs are off.
 */
final class XmlFiles {
    private XmlFiles() {
    }

    /** The parsed document, or the first well-formedness error as {@code line:col} and message. */
    sealed interface Parsed {
        record Ok(Document document) implements Parsed {
        }

        record Failed(int line, int column, String message) implements Parsed {
        }
    }

    static Parsed parse(byte[] bytes) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
            return new Parsed.Ok(builder.parse(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            return new Parsed.Failed(Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), e.getMessage());
        } catch (SAXException e) {
            return new Parsed.Failed(0, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IOException e) {
            return new Parsed.Failed(0, 0, e.toString());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    /** Texts of the elements named {@code localName}, in any namespace, in document order. */
    static List<String> texts(Document doc, String localName) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** Values of attribute {@code attr} on the elements named {@code localName}, in any namespace. */
    static List<String> attributes(Document doc, String localName, String attr) {
        List<String> values = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element el = (Element) nodes.item(i);
            if (el.hasAttribute(attr)) {
                values.add(el.getAttribute(attr).strip());
            }
        }
        return values;
    }

    /** Errors stop the parse (the default handler would print them to stderr and go on). */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // a warning is not a well-formedness problem
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
