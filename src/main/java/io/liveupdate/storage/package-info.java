/**
 * Webix {@code faye->/<storage>} storages: every client publish of a Webix DataProcessor operation on a
 * non-reserved channel is applied to the database, and a new subscriber of that channel is handed the stored
 * items, so a page that opens or reloads starts from the current data. Knows nothing of scheduler events.
 */
package io.liveupdate.storage;
