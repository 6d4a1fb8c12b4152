/**
 * live-update: a scheduler connector and live-update server for dhtmlxScheduler and Webix.
 * One change flows one way: connector, event service, JPA, CDI change event, publishers, transports.
 */
package io.liveupdate;
