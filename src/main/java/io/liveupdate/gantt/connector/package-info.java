/** The Gantt dataProcessor's URLs ({@code /api/gantts/{name}}): loads, the REST and REST-JSON saves, the answers the client reads. */
package io.liveupdate.gantt.connector;
