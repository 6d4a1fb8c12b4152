/**
 * The application's own stop sequence, as events any package may fire or observe without knowing the others: a
 * leaf that imports nothing of this application.
 */
package io.liveupdate.lifecycle;
