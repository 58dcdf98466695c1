#!/usr/bin/python3
"""Checks an .ics file made by the calendar exporter (curriculum-plugin-calendar) against RFC 5545 and expectations.

Run with Debian's Python and its icalendar package (python3-icalendar):

  /usr/bin/python3 check_ics.py calendar.ics --events 24 --tz Europe/Brussels \
      --first 2027-03-09T09:00 --first-summary "Welcome, introductions and expectations" --first-utc-offset +01:00

Exits 0 when every check passes; otherwise prints each failure and exits 1 (2 for bad arguments or an unreadable
file). Checks:
  - the file is UTF-8, every physical line ends with CRLF and is at most 75 octets, and no fold splits a character;
  - icalendar.Calendar.from_ical parses it: one VCALENDAR with VERSION 2.0 and a PRODID;
  - there is a VTIMEZONE whose TZID is the --tz zone, and converting every event time through that VTIMEZONE
    gives the same instant as the system time zone database does for the zone;
  - there are --events VEVENTs, with unique UIDs, each with a UTC DTSTAMP, a DTSTART and a SUMMARY;
  - every DTSTART and DTEND is a time-zone-aware date-time with TZID = the --tz zone, and DTEND > DTSTART;
  - break and meal events (CATEGORIES) are TRANSPARENT and the others OPAQUE;
  - the earliest DTSTART is --first (local time in the zone), its SUMMARY is --first-summary, and its UTC offset
    is --first-utc-offset, when given.
"""
import argparse
import datetime
import sys

try:
    import icalendar
except ImportError:
    sys.exit("check_ics.py: the icalendar module is missing; run it with /usr/bin/python3 (package python3-icalendar)")
try:
    from zoneinfo import ZoneInfo
except ImportError:  # Python < 3.9
    ZoneInfo = None
import pytz

MAX_OCTETS = 75


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Check an .ics file from the calendar exporter.")
    parser.add_argument("path", help="the .ics file")
    parser.add_argument("--events", type=int, help="the number of VEVENTs expected")
    parser.add_argument("--tz", required=True, help="the IANA time zone every event must be in, e.g. Europe/Brussels")
    parser.add_argument("--first", help="the earliest DTSTART, local time in --tz: YYYY-MM-DDTHH:MM")
    parser.add_argument("--first-summary", help="the SUMMARY of the earliest event")
    parser.add_argument("--first-utc-offset", help="the UTC offset of the earliest event, e.g. +01:00 or +02:00")
    return parser.parse_args(argv)


def check_lines(data, failures):
    """Physical-line checks on the raw bytes: CRLF endings, 75 octets, whole UTF-8 characters on every line."""
    if not data.endswith(b"\r\n"):
        failures.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            failures.append("line %d has a bare LF or CR (lines must end with CRLF)" % number)
        if len(line) > MAX_OCTETS:
            failures.append("line %d is %d octets long (at most %d)" % (number, len(line), MAX_OCTETS))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            failures.append("line %d is not whole UTF-8 characters (a fold split a character?): %s" % (number, error))
    if lines and lines[0].startswith((b" ", b"\t")):
        failures.append("the first line is a continuation line")


def utc_offset_text(delta):
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)


def system_zone(name):
    return ZoneInfo(name) if ZoneInfo else pytz.timezone(name)


def to_utc_system(naive, name):
    """The instant of a local wall-clock time in a zone, from the system time zone database."""
    if ZoneInfo:
        return naive.replace(tzinfo=ZoneInfo(name)).astimezone(datetime.timezone.utc)
    return pytz.timezone(name).localize(naive).astimezone(datetime.timezone.utc)


def main(argv):
    args = parse_args(argv)
    try:
        with open(args.path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        print("cannot read %s: %s" % (args.path, error))
        return 2
    failures = []
    check_lines(data, failures)

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and friends
        failures.append("icalendar.Calendar.from_ical could not parse the file: %s" % error)
        return report(args.path, failures, [])
    if calendar.name != "VCALENDAR":
        failures.append("the top component is %s, not VCALENDAR" % calendar.name)
    if str(calendar.get("VERSION", "")) != "2.0":
        failures.append("VERSION is %r, not 2.0" % str(calendar.get("VERSION", "")))
    if not str(calendar.get("PRODID", "")):
        failures.append("PRODID is missing")

    # VTIMEZONE for the zone, and a tzinfo built from it alone.
    zones = [c for c in calendar.walk("VTIMEZONE") if str(c.get("TZID", "")) == args.tz]
    file_zone = None
    if not zones:
        failures.append("there is no VTIMEZONE with TZID %s" % args.tz)
    elif len(zones) > 1:
        failures.append("there are %d VTIMEZONEs with TZID %s" % (len(zones), args.tz))
    else:
        for sub in zones[0].subcomponents:
            if sub.name not in ("STANDARD", "DAYLIGHT"):
                failures.append("VTIMEZONE has a %s sub-component" % sub.name)
            for required in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
                if required not in sub:
                    failures.append("a %s of the VTIMEZONE has no %s" % (sub.name, required))
        if not zones[0].subcomponents:
            failures.append("the VTIMEZONE has no STANDARD or DAYLIGHT sub-component")
        try:
            file_zone = zones[0].to_tz()
        except Exception as error:
            failures.append("the VTIMEZONE cannot be turned into a time zone: %s" % error)

    events = list(calendar.walk("VEVENT"))
    if args.events is not None and len(events) != args.events:
        failures.append("there are %d VEVENTs, expected %d" % (len(events), args.events))
    uids = [str(event.get("UID", "")) for event in events]
    if any(not uid for uid in uids):
        failures.append("%d VEVENT(s) have no UID" % sum(1 for uid in uids if not uid))
    duplicates = sorted({uid for uid in uids if uid and uids.count(uid) > 1})
    if duplicates:
        failures.append("UIDs used more than once: %s" % ", ".join(duplicates))

    starts = []
    for index, event in enumerate(events, 1):
        name = str(event.get("UID", "VEVENT #%d" % index))
        stamp = event.get("DTSTAMP")
        if stamp is None:
            failures.append("%s: no DTSTAMP" % name)
        elif not isinstance(stamp.dt, datetime.datetime) or stamp.dt.utcoffset() != datetime.timedelta(0):
            failures.append("%s: DTSTAMP is not a UTC date-time" % name)
        if not str(event.get("SUMMARY", "")):
            failures.append("%s: no SUMMARY" % name)
        times = {}
        for key in ("DTSTART", "DTEND"):
            prop = event.get(key)
            if prop is None:
                if key == "DTSTART":
                    failures.append("%s: no DTSTART" % name)
                continue
            value = prop.dt
            if not isinstance(value, datetime.datetime) or value.tzinfo is None:
                failures.append("%s: %s %s is not a time-zone-aware date-time" % (name, key, value))
                continue
            tzid = prop.params.get("TZID")
            if tzid != args.tz:
                failures.append("%s: %s has TZID %s, not %s" % (name, key, tzid, args.tz))
                continue
            naive = value.replace(tzinfo=None)
            expected = to_utc_system(naive, args.tz)
            if value.astimezone(datetime.timezone.utc) != expected:
                failures.append("%s: %s %s converts to %s, but %s says %s" % (
                    name, key, naive, value.astimezone(datetime.timezone.utc), args.tz, expected))
            if file_zone is not None:
                via_file = file_zone.localize(naive).astimezone(datetime.timezone.utc)
                if via_file != expected:
                    failures.append("%s: %s %s is %s by the file's VTIMEZONE but %s by the time zone database" % (
                        name, key, naive, via_file, expected))
            times[key] = value
        if "DTSTART" in times and "DTEND" in times and times["DTEND"] <= times["DTSTART"]:
            failures.append("%s: DTEND is not after DTSTART" % name)
        if "DTSTART" in times:
            starts.append((times["DTSTART"], event))
        categories = event.get("CATEGORIES")
        kinds = set()
        for group in (categories if isinstance(categories, list) else [categories] if categories is not None else []):
            kinds.update(str(c) for c in getattr(group, "cats", [group]))
        transparency = str(event.get("TRANSP", "OPAQUE"))
        wanted = "TRANSPARENT" if kinds & {"break", "meal"} else "OPAQUE"
        if transparency != wanted:
            failures.append("%s: TRANSP is %s, expected %s for categories %s" % (
                name, transparency, wanted, sorted(kinds) or "none"))

    notes = []
    if starts:
        first_start, first_event = min(starts, key=lambda pair: pair[0])
        local = first_start.replace(tzinfo=None)
        utc = first_start.astimezone(datetime.timezone.utc)
        offset = utc_offset_text(first_start.utcoffset())
        notes.append("earliest event %s at %s %s = %s (UTC%s)" % (
            first_event.get("UID"), local.strftime("%Y-%m-%dT%H:%M"), args.tz, utc.strftime("%Y-%m-%dT%H:%MZ"),
            offset))
        if args.first and local.strftime("%Y-%m-%dT%H:%M") != args.first:
            failures.append("the earliest DTSTART is %s, expected %s" % (local.strftime("%Y-%m-%dT%H:%M"), args.first))
        if args.first_summary is not None and str(first_event.get("SUMMARY", "")) != args.first_summary:
            failures.append("the earliest event's SUMMARY is %r, expected %r" % (
                str(first_event.get("SUMMARY", "")), args.first_summary))
        if args.first_utc_offset and offset != args.first_utc_offset:
            failures.append("the earliest event is at UTC%s, expected UTC%s" % (offset, args.first_utc_offset))
    elif args.first or args.first_summary or args.first_utc_offset:
        failures.append("there is no event with a DTSTART to compare with --first")
    return report(args.path, failures, notes, len(events))


def report(path, failures, notes, count=0):
    for note in notes:
        print("  " + note)
    if failures:
        print("FAIL %s: %d problem(s)" % (path, len(failures)))
        for failure in failures:
            print("  - " + failure)
        return 1
    print("ok   %s: %d event(s)" % (path, count))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
