// Reads iCalendar text from standard input with ical.js (the parser behind many web calendars): one calendar, or a
// JSON array of calendars. Prints JSON: for each calendar whether it parsed, its METHOD, and for each event its UID,
// SEQUENCE, start and end (UTC), organizer and attendees; every problem found goes in "errors" (an array of such
// reports for an array). Used by the meeting invitation tests.
import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = Buffer.concat(chunks).toString('utf8');
const check = text => {
  const report = { parsed: false, method: null, events: [], errors: [] };
  try {
    const component = new ICAL.Component(ICAL.parse(text));
    report.parsed = component.name === 'vcalendar';
    report.method = component.getFirstPropertyValue('method');
    for (const zone of component.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(zone);
    }
    for (const vevent of component.getAllSubcomponents('vevent')) {
      const event = new ICAL.Event(vevent);
      if (!event.uid) report.errors.push('an event has no UID');
      if (!event.startDate) report.errors.push(`event ${event.uid}: no DTSTART`);
      if (!event.endDate) report.errors.push(`event ${event.uid}: no DTEND`);
      if (event.startDate && event.endDate && event.endDate.compare(event.startDate) <= 0) {
        report.errors.push(`event ${event.uid}: ends before it starts`);
      }
      if (!vevent.getFirstPropertyValue('dtstamp')) report.errors.push(`event ${event.uid}: no DTSTAMP`);
      report.events.push({
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate ? event.startDate.toJSDate().toISOString() : null,
        end: event.endDate ? event.endDate.toJSDate().toISOString() : null,
        summary: event.summary,
        location: event.location,
        organizer: event.organizer,
        attendees: event.attendees.map(a => a.getFirstValue()),
        status: vevent.getFirstPropertyValue('status'),
      });
    }
    if (report.events.length === 0) report.errors.push('no VEVENT');
  } catch (error) {
    report.errors.push(String(error && error.message ? error.message : error));
  }
  return report;
};
const many = input.trimStart().startsWith('[');
const result = many ? JSON.parse(input).map(check) : check(input);
process.stdout.write(JSON.stringify(result) + '\n');
