package io.liveupdate.storage;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.storage.StorageOperation.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Webix faye proxy publishes, and what is refused as a malformed storage operation. */
class StorageOperationTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static StorageOperation parsed(String text) {
        return StorageOperation.parse(json(text)).orElseThrow();
    }

    @Test
    void webixInsertAsTheProxyPublishesIt() {
        var op = parsed("{'id':'1712345678901','operation':'insert','data':{'id':1712345678901,'value':'hi'},"
                + "'_in_progress':true,'clientId':'1712345670000'}");

        assertEquals(Kind.INSERT, op.kind());
        assertEquals("1712345678901", op.itemId());
        assertEquals(json("{'id':1712345678901,'value':'hi'}"), op.item(), "the item as sent, id kept with its type");
    }

    @Test
    void updateAndDeleteAreRecognised() {
        assertEquals(Kind.UPDATE, parsed("{'id':'7','operation':'update','data':{'id':'7','value':'x'}}").kind());
        assertEquals(Kind.DELETE, parsed("{'id':7,'operation':'delete','data':{'id':7}}").kind());
    }

    @Test
    void theTopLevelIdIsUsedAndAddedWhenDataHasNone() {
        var op = parsed("{'id':42,'operation':'update','data':{'value':'x'}}");

        assertEquals("42", op.itemId());
        assertEquals(42, op.item().getInt("id"));
    }

    @Test
    void idsAreComparedAsText() {
        assertEquals("17", parsed("{'id':'17','operation':'insert','data':{'id':17}}").itemId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'hello'", "[1,2]", "{'text':'plain chat message'}", "{'id':1,'data':{'id':1}}"})
    void dataWithoutAnOperationIsAPlainMessage(String data) {
        JsonValue value = Json.createReader(new StringReader(data.replace('\'', '"'))).readValue();
        assertEquals(Optional.empty(), StorageOperation.parse(value));
    }

    @Test
    void noDataIsNotAnOperation() {
        assertEquals(Optional.empty(), StorageOperation.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'id':1,'operation':'remove','data':{'id':1}}",
            "{'id':1,'operation':'INSERT','data':{'id':1}}",
            "{'id':1,'operation':null,'data':{'id':1}}",
            "{'id':1,'operation':3,'data':{'id':1}}",
            "{'id':1,'operation':'insert'}",
            "{'id':1,'operation':'insert','data':'x'}",
            "{'id':1,'operation':'insert','data':[1]}",
            "{'operation':'insert','data':{'value':'no id'}}",
            "{'operation':'insert','data':{'id':null}}",
            "{'operation':'insert','data':{'id':''}}",
            "{'operation':'insert','data':{'id':true}}",
            "{'operation':'insert','data':{'id':{'a':1}}}",
            "{'id':1,'operation':'update','data':{'id':2}}",
            "{'id':1,'operation':'insert','data':{'id':1,'text':'nul \\u0000 inside'}}",
            "{'id':1,'operation':'insert','data':{'id':1,'deep':[{'x':'\\u0000'}]}}",
    })
    void malformedOperationsAreRefused(String data) {
        assertThrows(InvalidStorageOperation.class, () -> StorageOperation.parse(json(data)));
    }

    @Test
    void anIdLongerThanTheColumnIsRefused() {
        String longest = "x".repeat(StorageOperation.MAX_ID_LENGTH);
        assertEquals(longest, parsed("{'operation':'insert','data':{'id':'" + longest + "'}}").itemId());
        assertThrows(InvalidStorageOperation.class, () -> parsed("{'operation':'insert','data':{'id':'" + longest + "y'}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'operation':'insert','data':{'id':'<img src=x onerror=alert(1)>','value':'x'}}",
            "{'id':'a\\\"b','operation':'insert','data':{'value':'x'}}",
            "{'operation':'update','data':{'id':'1 2'}}",
            "{'operation':'insert','data':{'id':1.5}}",
            "{'operation':'delete','data':{'id':'\\u00e9t\\u00e9'}}",
    })
    void onlyPlainIdsAreAccepted(String data) {
        var refused = assertThrows(InvalidStorageOperation.class, () -> StorageOperation.parse(json(data)));
        assertFalse(refused.getMessage().contains("<"), "the reason carries none of the client's text: " + refused.getMessage());
    }

    @Test
    void theSendersDollarMarkersAreDroppedNotStored() {
        var op = parsed("{'id':5,'operation':'insert','data':{'id':5,'value':'hi','$css':'x\\\" onmouseover=\\\"alert(1)','$template':'<b>'}}");

        assertEquals(json("{'id':5,'value':'hi'}"), op.item());
    }

    @Test
    void storedOrLoggedItemsAreHandedOutOnlyWithPlainIdsAndWithoutMarkers() {
        assertEquals(Optional.of(json("{'id':7,'v':1}")), ClientMarkers.handedOut(json("{'id':7,'v':1,'$css':'red'}")));
        assertEquals(Optional.empty(), ClientMarkers.handedOut(json("{'id':'<b>x</b>','v':1}")));
        assertEquals(Optional.empty(), ClientMarkers.handedOut(json("{'v':1}")));

        assertEquals(json("{'id':'7','operation':'update','data':{'id':7}}"),
                ClientMarkers.replayable(json("{'id':'7','operation':'update','data':{'id':7,'$css':'x'},'$x':1}")));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ClientMarkers.replayable(json("{'id':'<i>','operation':'insert','data':{'v':1}}")));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ClientMarkers.replayable(json("{'operation':'insert','data':{'id':'<i>'}}")));
        var plain = json("{'text':'not an operation'}");
        assertSame(plain, ClientMarkers.replayable(plain));
    }
}
