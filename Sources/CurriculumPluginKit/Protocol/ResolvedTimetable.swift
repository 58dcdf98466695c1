public import Foundation

/// The clock times of every agenda item, resolved by the core (protocol 1.1): plugins need not re-derive them from
/// default day starts, a delivery's per-day overrides and day rollover. Sent as `timetable` beside the model in
/// `validate` and `export` to plugins that answered `protocolMinor` 1 or more.
public struct ResolvedTimetable: Codable, Sendable, Equatable {
    /// One session's timetable.
    public struct Session: Codable, Sendable, Equatable {
        /// The session's id.
        public var session: String
        /// The delivery whose run gave the dates and starts, if any.
        public var delivery: String?
        /// The delivery's IANA time zone, in which every time here is given; absent without a delivery.
        public var timezone: String?
        public var days: [Day]

        public init(session: String, delivery: String?, timezone: String?, days: [Day]) {
            self.session = session
            self.delivery = delivery
            self.timezone = timezone
            self.days = days
        }
    }

    /// One day of a session.
    public struct Day: Codable, Sendable, Equatable {
        /// The day's number in the session, from 1.
        public var number: Int
        /// `YYYY-MM-DD`, when a delivery schedules the session.
        public var date: String?
        /// `HH:MM`, when the day starts.
        public var start: String
        public var items: [Item]

        public init(number: Int, date: String?, start: String, items: [Item]) {
            self.number = number
            self.date = date
            self.start = start
            self.items = items
        }
    }

    /// One agenda item's times. An item that runs past midnight has an `endDate` (or a later `date` when it starts
    /// after midnight); without a delivery, dates are absent and `startDay`/`endDay` count days after the day's own.
    public struct Item: Codable, Sendable, Equatable {
        /// The agenda entry's id (the activity's id for one placed from a module).
        public var id: String
        public var date: String?
        public var start: String
        public var endDate: String?
        public var end: String
        public var minutes: Int
        /// Days after the day's own date that the item starts and ends on (0 for the same day).
        public var startDay: Int
        public var endDay: Int

        public init(
            id: String, date: String?, start: String, endDate: String?, end: String, minutes: Int, startDay: Int,
            endDay: Int
        ) {
            self.id = id
            self.date = date
            self.start = start
            self.endDate = endDate
            self.end = end
            self.minutes = minutes
            self.startDay = startDay
            self.endDay = endDay
        }
    }

    public var sessions: [Session]

    public init(sessions: [Session]) {
        self.sessions = sessions
    }
}
