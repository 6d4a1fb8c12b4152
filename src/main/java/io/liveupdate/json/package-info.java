/**
 * JSON-P with its provider looked up once ({@link io.liveupdate.json.Json}); every package may use it.
 */
package io.liveupdate.json;
