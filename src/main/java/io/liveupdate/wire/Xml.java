package io.liveupdate.wire;

/** The little XML the connector writes: escaped attributes and CDATA that survives any text. */
public final class Xml {

    private Xml() {
    }

    public static String attribute(String value) {
        var out = new StringBuilder(value.length() + 8);
        value.codePoints().map(Xml::legal).forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A CDATA section; "]]>" inside the text is split across two sections so it comes back intact. */
    public static String cdata(String value) {
        var legal = new StringBuilder(value.length());
        value.codePoints().map(Xml::legal).forEach(legal::appendCodePoint);
        return "<![CDATA[" + legal.toString().replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** XML 1.0 cannot carry most control characters at all, not even in CDATA: they become U+FFFD. */
    private static int legal(int c) {
        boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        return ok ? c : 0xFFFD;
    }

    /** Whether a custom field's name can be an element name (ASCII subset of XML names). */
    public static boolean isElementName(String name) {
        return ELEMENT_NAME.matcher(name).matches() && !name.toLowerCase().startsWith("xml");
    }

    /** One character class after the first: linear, no backtracking. */
    private static final java.util.regex.Pattern ELEMENT_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*+");
}
