//! Chrome trace-event JSON: one thread per lane, one complete event ("X") per
//! segment, instant events for printed lines. Opens in Perfetto and
//! chrome://tracing.

use super::event::{Event, Kind};
use super::gantt::{lanes, State};
use super::json::Json;

/// The whole trace in Chrome's trace-event format.
pub fn chrome_trace(events: &[Event]) -> String {
    let mut j = Json::new();
    j.begin_object().key("displayTimeUnit").string("ms");
    j.key("traceEvents").begin_array();
    for lane in lanes(events) {
        j.begin_object();
        j.key("ph").string("M").key("name").string("thread_name");
        j.key("pid").int(1).key("tid").int(lane.task as i64);
        j.key("args")
            .begin_object()
            .key("name")
            .string(&lane.label)
            .end_object();
        j.end_object();
        for s in &lane.segments {
            if matches!(s.state, State::Done | State::Cancelled | State::Failed) {
                continue;
            }
            let name = match &s.state {
                State::Waiting(on) => format!("waiting: {on}"),
                other => other.name().to_string(),
            };
            j.begin_object();
            j.key("ph").string("X").key("name").string(&name);
            j.key("cat").string(s.state.name());
            j.key("pid").int(1).key("tid").int(lane.task as i64);
            j.key("ts").number(s.start * 1e6);
            j.key("dur").number((s.end - s.start) * 1e6);
            j.end_object();
        }
    }
    for e in events {
        if let Kind::Log { text, .. } = &e.kind {
            j.begin_object();
            j.key("ph")
                .string("i")
                .key("s")
                .string("t")
                .key("name")
                .string(text);
            j.key("pid").int(1).key("tid").int(e.task as i64);
            j.key("ts").number(e.at * 1e6);
            j.end_object();
        }
    }
    j.end_array().end_object();
    j.finish()
}
