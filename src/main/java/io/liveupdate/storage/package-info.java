/**
 * Webix {@code faye->/<storage>} storages: every client publish of a Webix DataProcessor operation on a
 * non-reserved channel is applied to the database, and a new subscriber of that channel is handed the stored
 * items, so a page that opens or reloads starts from the current data. Every stored operation reaches the
 * subscribers of every node through {@link io.liveupdate.storage.StorageOrder}, in the storage's log order. Knows
 * nothing of scheduler events.
 */
package io.liveupdate.storage;
