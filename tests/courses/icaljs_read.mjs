// Reads calendar files with Mozilla's ical.js (Thunderbird's parser), not the library that wrote
// them, and prints what it understood as JSON on stdout. Instants are Unix seconds (UTC).
//
//   node icaljs_read.mjs each FILE…     every file alone: {file: [event, …]}
//   node icaljs_read.mjs shared FILE…   all files imported into ONE calendar, in the order given;
//                                       the first VTIMEZONE of a TZID wins (as vobject and
//                                       calendar apps that cache zones do): [event, …]
//   node icaljs_read.mjs zone FILE FROM TO
//                                       the file's Europe/Oslo zone: the transitions ical.js
//                                       computes in the years FROM…TO, and the instant of every
//                                       whole hour of wall-clock time in those years
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ICAL = (await import(require.resolve("ical.js"))).default;

function parse(file) {
  return new ICAL.Component(ICAL.parse(readFileSync(file, "utf-8")));
}

function event(component) {
  const ev = new ICAL.Event(component);
  const lastModified = component.getFirstPropertyValue("last-modified");
  const organizer = component.getFirstProperty("organizer");
  return {
    uid: ev.uid,
    start: ev.startDate.toUnixTime(),
    end: ev.endDate.toUnixTime(),
    zone: ev.startDate.zone.tzid,
    sequence: ev.sequence,
    last_modified: lastModified ? lastModified.toUnixTime() : null,
    organizer: organizer ? organizer.getFirstValue() : null,
    organizer_cn: organizer ? organizer.getParameter("cn") : null,
  };
}

function each(files) {
  const out = {};
  for (const file of files) {
    out[file] = parse(file).getAllSubcomponents("vevent").map(event);
  }
  return out;
}

function shared(files) {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  const zones = new Set();
  for (const file of files) {
    const source = parse(file);
    for (const zone of source.getAllSubcomponents("vtimezone")) {
      const tzid = zone.getFirstPropertyValue("tzid");
      if (!zones.has(tzid)) {  // first definition wins
        zones.add(tzid);
        source.removeSubcomponent(zone);
        calendar.addSubcomponent(zone);
      }
    }
    for (const ev of source.getAllSubcomponents("vevent")) {
      source.removeSubcomponent(ev);
      calendar.addSubcomponent(ev);
    }
  }
  return calendar.getAllSubcomponents("vevent").map(event);
}

function zone(file, from, to) {
  const component = parse(file).getFirstSubcomponent("vtimezone");
  const tz = new ICAL.Timezone(component);
  // The transitions as ical.js expands the zone's rules (UTC instants with offsets before and
  // after); ical.js keeps them in `changes` once a year is covered.
  tz.utcOffset(ICAL.Time.fromData({ year: to, month: 12, day: 31, hour: 12 }));
  const transitions = tz.changes
    .filter((c) => c.year >= from && c.year <= to)
    .map((c) => ({
      at: Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) / 1000,
      from: c.prevUtcOffset,
      to: c.utcOffset,
    }));
  // Every whole hour of wall-clock time, through the public API (what an event's DTSTART gets).
  const hours = [];
  for (let day = Date.UTC(from, 0, 1); day < Date.UTC(to + 1, 0, 1); day += 86400000) {
    const d = new Date(day);
    for (let hour = 0; hour < 24; hour++) {
      const time = new ICAL.Time({
        year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute: 0, second: 0,
      }, tz);
      hours.push(time.toUnixTime());
    }
  }
  return { transitions, hours };
}

const [mode, ...args] = process.argv.slice(2);
let result;
if (mode === "each") result = each(args);
else if (mode === "shared") result = shared(args);
else if (mode === "zone") result = zone(args[0], Number(args[1]), Number(args[2]));
else throw new Error(`unknown mode ${mode}`);
process.stdout.write(JSON.stringify(result));
