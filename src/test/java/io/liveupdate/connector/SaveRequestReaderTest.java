package io.liveupdate.connector;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Telling the dataProcessor's mode from the request alone. */
class SaveRequestReaderTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGetWithoutRowsIsALoad() {
        assertTrue(SaveRequestReader.read("GET", null, null, "timeshift=-120&from=2025-04-01&to=2025-04-08", new byte[0]).isEmpty());
        assertTrue(SaveRequestReader.read("GET", null, null, null, new byte[0]).isEmpty());
    }

    @Test
    void batchedRowsAreSplitByTheirPrefixesInTheOrderOfIds() {
        var request = SaveRequestReader.read("POST", null, FORM, "editing=true", body(
                "1712345678901_id=1712345678901&1712345678901_start_date=2025-04-01%2009%3A00&1712345678901_text=New"
                        + "&1712345678901_!nativeeditor_status=inserted&7_id=7&7_!nativeeditor_status=deleted"
                        + "&ids=7%2C1712345678901&dhx_security=abc")).orElseThrow();

        assertEquals(SaveRequest.Answer.XML_ACTIONS, request.answer());
        assertEquals(2, request.rows().size());
        var deleted = request.rows().get(0);
        assertEquals(Json.createValue("7"), deleted.sid());
        assertEquals("deleted", deleted.status());
        assertTrue(deleted.fields().isEmpty());
        var inserted = request.rows().get(1);
        assertEquals("inserted", inserted.status());
        assertEquals(Json.createValue("2025-04-01 09:00"), inserted.fields().get("start_date"));
        assertEquals(Json.createValue("New"), inserted.fields().get("text"));
        assertFalse(inserted.fields().containsKey("id"));
    }

    @Test
    void anIdThatPrefixesAnotherDoesNotStealItsFields() {
        var request = SaveRequestReader.read("POST", null, FORM, null,
                body("a_text=A&a_b_text=AB&a_!nativeeditor_status=updated&a_b_!nativeeditor_status=updated&ids=a,a_b")).orElseThrow();

        assertEquals(Json.createValue("A"), request.rows().get(0).fields().get("text"));
        assertEquals(Json.createValue("AB"), request.rows().get(1).fields().get("text"));
    }

    @Test
    void aSingleRowCarriesItsStatusWithoutPrefixes() {
        var request = SaveRequestReader.read("GET", null, null,
                "editing=true&id=5&text=x&!nativeeditor_status=updated&dhx_user=1&dhx_version=3", new byte[0]).orElseThrow();

        var row = request.rows().get(0);
        assertEquals(SaveRequest.Answer.XML_ACTIONS, request.answer());
        assertEquals(Json.createValue("5"), row.sid());
        assertEquals("updated", row.status());
        assertEquals(java.util.Set.of("text"), row.fields().keySet(), "protocol parameters are not event fields");
    }

    @Test
    void jsonModeIsAnEnvelopeWithIdActionAndData() {
        var request = SaveRequestReader.read("POST", null, "application/json", "editing=true",
                body("{\"id\":1712345678901,\"action\":\"inserted\",\"data\":{\"text\":\"t\",\"section_id\":2}}")).orElseThrow();

        var row = request.rows().get(0);
        assertEquals(SaveRequest.Answer.JSON_ACTION, request.answer());
        assertEquals(Json.createValue(1712345678901L), row.sid());
        assertEquals("inserted", row.status());
        assertEquals(Json.createValue(2), row.fields().get("section_id"));
    }

    @Test
    void restJsonInsertIsAPlainObjectAndPutAndDeleteTakeTheIdFromThePath() {
        var insert = SaveRequestReader.read("POST", null, "application/json", null,
                body("{\"id\":9,\"text\":\"t\",\"action\":\"custom field, not a status\"}")).orElseThrow().rows().get(0);
        assertEquals("inserted", insert.status());
        assertNull(insert.sid());
        assertEquals(Json.createValue("custom field, not a status"), insert.fields().get("action"));
        assertFalse(insert.fields().containsKey("id"));

        var put = SaveRequestReader.read("PUT", "42", "application/json", null, body("{\"text\":\"moved\"}")).orElseThrow().rows().get(0);
        assertEquals("updated", put.status());
        assertEquals(Json.createValue("42"), put.sid());

        var delete = SaveRequestReader.read("DELETE", "42", "application/json", null, new byte[0]).orElseThrow().rows().get(0);
        assertEquals("deleted", delete.status());
    }

    @Test
    void restFormInsertAndTheLegacyPostToUrlPlusTempId() {
        var insert = SaveRequestReader.read("POST", "1712345678901", FORM, null, body("text=t&start_date=2025-04-01")).orElseThrow();
        assertEquals(SaveRequest.Answer.JSON_ACTION, insert.answer());
        assertEquals("inserted", insert.rows().get(0).status());
        assertEquals(Json.createValue("1712345678901"), insert.rows().get(0).sid());
    }

    @Test
    void malformedBodiesAreRefused() {
        assertThrows(MalformedRequestException.class,
                () -> SaveRequestReader.read("POST", null, "application/json", null, body("{\"text\":")));
        assertThrows(MalformedRequestException.class,
                () -> SaveRequestReader.read("POST", null, "application/json", null, body("\"just a string\"")));
        assertThrows(MalformedRequestException.class, () -> SaveRequestReader.read("POST", null, FORM, null, body("ids=1&1_text=%zz")));
        assertThrows(MalformedRequestException.class, () -> SaveRequestReader.read("PUT", null, FORM, null, body("text=x")));
    }

    @Test
    void theFormsSecurityKeyIsReadWhateverTheContentTypeClaims() {
        String rows = "ids=7&7_text=t&7_!nativeeditor_status=inserted&dhx_security=k3y";
        for (String contentType : new String[] {FORM, "text/plain", null}) {
            var save = SaveRequestReader.read("POST", null, contentType, null, body(rows)).orElseThrow();
            assertEquals(SaveRequest.Answer.XML_ACTIONS, save.answer(), String.valueOf(contentType));
            assertEquals("k3y", save.securityKey(), String.valueOf(contentType));
            assertFalse(save.rows().get(0).fields().containsKey("dhx_security"));
        }
        assertEquals("k3y", SaveRequestReader.read("GET", null, null, rows, new byte[0]).orElseThrow().securityKey());
        assertEquals("k3y", SaveRequestReader.read("PUT", "7", FORM, null, body("text=t&dhx_security=k3y")).orElseThrow().securityKey());
        assertNull(SaveRequestReader.read("POST", null, "text/plain", null, body("{\"text\":\"t\",\"dhx_security\":\"k3y\"}"))
                .orElseThrow().securityKey(), "JSON modes send the key as a header");
        assertNull(SaveRequestReader.read("POST", null, FORM, null, body("ids=7&7_text=t")).orElseThrow().securityKey());
    }

    @Test
    void onlyAPlainIdOwnsPrefixedFieldsSoALongKeyIsCheap() {
        String longest = "a_".repeat(32); // 64 characters, the longest plain id
        String tooLong = "b".repeat(65);
        String underscores = "_".repeat(100_000);
        var request = SaveRequestReader.read("POST", null, FORM, null, body("ids=" + longest + "," + tooLong + "&" + longest + "_text=A&"
                + tooLong + "_text=B&" + underscores + "=x&" + longest + underscores + "=y")).orElseThrow();

        assertEquals(Json.createValue("A"), request.rows().get(0).fields().get("text"));
        assertTrue(request.rows().get(1).fields().isEmpty(), "an id no page can have owns nothing (its row is refused)");
        assertEquals(Json.createValue(tooLong), request.rows().get(1).sid());
    }

    @Test
    void aBatchNamingMoreRowsThanAPageEverSendsIsRefused() {
        String ids = java.util.stream.IntStream.rangeClosed(1, SaveRequestReader.MAX_BATCH_ROWS + 1).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        var refused = assertThrows(MalformedRequestException.class, () -> SaveRequestReader.read("POST", null, FORM, null, body("ids=" + ids)));
        assertEquals("a batched save names 5001 rows; at most 5000", refused.getMessage());
        String most = ids.substring(0, ids.lastIndexOf(','));
        assertEquals(5000, SaveRequestReader.read("POST", null, FORM, null, body("ids=" + most + "," + most)).orElseThrow().rows().size(),
                "repeated ids count once");
    }
}
