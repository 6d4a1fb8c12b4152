/** dhtmlxGantt charts: tasks and links, their rules (tree, links, order, versions), the transactional service, and their changes numbered in the change log. */
package io.liveupdate.gantt;
