package io.liveupdate.wire;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void cdataSurvivesItsOwnTerminator() {
        assertEquals("<![CDATA[a]]]]><![CDATA[>b]]>", Xml.cdata("a]]>b"));
    }

    @Test
    void attributesAreEscapedAndIllegalCharactersReplaced() {
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &apos;\uFFFD", Xml.attribute("<a href=\"x\"> & '\u0001"));
    }

    @Test
    void onlyXmlNamesBecomeElements() {
        assertTrue(Xml.isElementName("section_id"));
        assertFalse(Xml.isElementName("my field"));
        assertFalse(Xml.isElementName("1st"));
        assertFalse(Xml.isElementName("xmlns"));
    }
}
