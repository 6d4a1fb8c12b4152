package io.liveupdate.calendar;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomFieldsTest {

    @Test
    void underscoreAndDollarNamesArePageState() {
        for (String name : new String[] {"_text_style", "_timed", "$new", "$css"}) assertTrue(CustomFields.isPageState(name), name);
        for (String name : new String[] {"section_id", "color", "text_style", "a$b"}) assertFalse(CustomFields.isPageState(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "DarkSlateGray", "transparent", "#f00", "#ff000080", "#1E90FF", "rgb(30, 144, 255)",
            "rgba(30,144,255,0.5)", "hsl(120deg 50% 40% / .5)", "oklch(70% 0.1 250)", "var(--brand-1)"})
    void aCssColourStaysACssColour(String colour) {
        assertNull(CustomFields.problem("color", Json.createValue(colour)));
        assertNull(CustomFields.problem("textColor", Json.createValue(colour)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"red' onmouseover='window.pwned=1", "red;background:url(https://evil.example/x)", "expression(alert(1))",
            "#ff0000\" style=\"x", "<img src=x onerror=alert(1)>", "rgb(1,2,3));x:(", "#12", "red\u0000"})
    void anythingElseInAColourFieldIsRefusedWithTheReason(String value) {
        String problem = CustomFields.problem("color", Json.createValue(value));
        assertNotNull(problem, value);
        assertTrue(problem.startsWith("color '") && problem.contains("is not a CSS colour"), problem);
        assertFalse(problem.contains("\u0000"), "the reason quotes the value safely");
        assertNull(CustomFields.problem("description", Json.createValue(value)), "other fields are text, shown escaped");
    }

    @Test
    void anEmptyColourMeansNoneAndAColourMustBeText() {
        assertNull(CustomFields.problem("color", Json.createValue("")));
        assertNull(CustomFields.problem("color", JsonValue.NULL));
        assertNotNull(CustomFields.problem("color", Json.createValue(5)));
        assertNotNull(CustomFields.problem("color", Json.createValue("a".repeat(101))));
    }

    @Test
    void aStoredRowIsShownWithoutPageStateOrUnsafeColours() {
        var stored = Json.createObjectBuilder().add("_text_style", "x' onmouseover='y").add("$new", true).add("color", "red'><img src=x>")
                .add("textColor", "#fff").add("section_id", 2).build();
        var shown = CustomFields.shown(stored);
        assertEquals(Json.createObjectBuilder().add("textColor", "#fff").add("section_id", 2).build(), shown);
        var clean = Json.createObjectBuilder().add("color", "red").build();
        assertSame(clean, CustomFields.shown(clean), "a clean row is handed out as it is");
    }

    @Test
    void anEventViewNeverCarriesWhatAPageMustNotBeHanded() {
        var stored = Json.createObjectBuilder().add("_text_style", "x").add("room", "4").build();
        var view = new EventView(1L, "c", null, null, "", null, null, null, null, false, null, null, null, stored, 0);
        assertEquals(Json.createObjectBuilder().add("room", "4").build(), view.customFields());
    }
}
