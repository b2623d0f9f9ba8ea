import BigInt
import ErlangRuntime
import ErlangTerms

/// The `calendar` module's common functions. Mirrors OTP 25's
/// `calendar.erl`: proleptic Gregorian dates counted in days from
/// `{0, 1, 1}` (day 0) and seconds from its midnight; `day_of_the_week`
/// gives 1 for Monday. Bad arguments raise erl's `function_clause` or
/// `if_clause` with calendar.erl's frames.
enum CalendarModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("local_time", 0, { _, _ in CalendarTime.now(local: true).dateTime }),
        bif("universal_time", 0, { _, _ in CalendarTime.now(local: false).dateTime }),
        bif("is_leap_year", 1, { _, a in
            guard case .int(let y) = a[0], y >= 0 else { throw clause("is_leap_year", a, 201) }
            return isLeap(y) ? .true : .false
        }),
        bif("last_day_of_the_month", 2, { _, a in
            guard case .int(let y) = a[0], y >= 0 else { throw clause("last_day_of_the_month", a, 255) }
            return .int(try lastDay(y, a[1]))
        }),
        bif("valid_date", 3, { _, a in try validDate(a) }),
        bif("valid_date", 1, { _, a in
            guard case .tuple(let e) = a[0], e.count == 3 else { throw clause("valid_date", a, 536) }
            return try validDate(e)
        }),
        bif("date_to_gregorian_days", 3, { _, a in .integer(try days(a)) }),
        bif("date_to_gregorian_days", 1, { _, a in
            guard case .tuple(let e) = a[0], e.count == 3 else { throw clause("date_to_gregorian_days", a, 140) }
            return .integer(try days(e))
        }),
        bif("gregorian_days_to_date", 1, { _, a in
            guard case .int(let n) = a[0] else { throw clause("gregorian_days_to_date", a, 161) }
            return date(BigInt(n))
        }),
        bif("day_of_the_week", 3, { _, a in
            .int(weekday(try calledSync(from: StdlibError.sourceFrame("calendar", "day_of_the_week", .int(3), line: 169)) {
                try days(a)
            }))
        }),
        bif("day_of_the_week", 1, { _, a in
            guard case .tuple(let e) = a[0], e.count == 3 else { throw clause("day_of_the_week", a, 174) }
            return .int(weekday(try calledSync(from: StdlibError.sourceFrame("calendar", "day_of_the_week", .int(3), line: 169)) {
                try days(e)
            }))
        }),
        bif("datetime_to_gregorian_seconds", 1, { _, a in
            guard case .tuple(let dt) = a[0], dt.count == 2, case .tuple(let d) = dt[0], d.count == 3 else {
                throw clause("datetime_to_gregorian_seconds", a, 154)
            }
            let dayCount = try calledSync(from: StdlibError.sourceFrame("calendar", "datetime_to_gregorian_seconds", .int(1),
                                                                        line: 155)) { try days(d) }
            return try Arithmetic.add(.integer(dayCount * 86_400), try seconds(of: dt[1]))
        }),
        bif("gregorian_seconds_to_datetime", 1, { _, a in
            guard case .int(let s) = a[0], s >= 0 else { throw clause("gregorian_seconds_to_datetime", a, 191) }
            return .tuple([date(BigInt(s / 86_400)), time(s % 86_400)])
        }),
        bif("time_to_seconds", 1, { _, a in try seconds(of: a[0]) }),
        bif("seconds_to_time", 1, { _, a in
            guard case .int(let s) = a[0], s >= 0, s < 86_400 else { throw clause("seconds_to_time", a, 450) }
            return time(s)
        }),
        bif("seconds_to_daystime", 1, { _, a in
            guard case .int(let s) = a[0] else { throw clause("seconds_to_daystime", a, 434) }
            let days = TimeUnit.floorDivide(s, 86_400)
            return .tuple([.int(days), time(s - days * 86_400)])
        }),
    ]

    /// `function_clause` in `calendar:function(args...)` at `line` of calendar.erl.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("calendar", function, args, line: line)
    }

    /// Whether `year` is a Gregorian leap year.
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The days of `month` in `year`; a month outside 1..12 is erl's `function_clause`.
    static func lastDay(_ year: Int, _ month: Term) throws -> Int {
        guard case .int(let m) = month, (1...12).contains(m) else {
            throw clause("last_day_of_the_month1", [.int(year), month], 261)
        }
        if m == 2 { return isLeap(year) ? 29 : 28 }
        return [4, 6, 9, 11].contains(m) ? 30 : 31
    }

    /// `valid_date(Y, M, D)`: integers required; `false` for a date not on the calendar.
    static func validDate(_ a: [Term]) throws -> Term {
        guard case .int(let y) = a[0], case .int(let m) = a[1], case .int(let d) = a[2] else {
            throw clause("valid_date", a, 532)
        }
        guard y >= 0, (1...12).contains(m), d >= 1, d <= (try lastDay(y, a[1])) else { return .false }
        return .true
    }

    /// `date_to_gregorian_days(Y, M, D)`: days since `{0, 1, 1}` (a big
    /// integer, so no year can overflow).
    static func days(_ a: [Term]) throws -> BigInt {
        guard case .int(let d) = a[2], d > 0 else { throw clause("date_to_gregorian_days", a, 131) }
        guard case .int(let y) = a[0], y >= 0 else { throw clause("last_day_of_the_month", [a[0], a[1]], 255) }
        let last = try calledSync(from: StdlibError.sourceFrame("calendar", "date_to_gregorian_days", .int(3), line: 133)) {
            try lastDay(y, a[1])
        }
        guard d <= last, case .int(let m) = a[1] else {
            throw StdlibError.raised(.atom("if_clause"), in: "calendar", "date_to_gregorian_days", arity: 3, line: 134)
        }
        return civilDays(BigInt(y), BigInt(m), BigInt(d)) - civilDays(BigInt(0), BigInt(1), BigInt(1))
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func civilDays<T: BinaryInteger>(_ year: T, _ month: T, _ day: T) -> T {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `{Year, Month, Day}` of a day count from `{0, 1, 1}`.
    static func date(_ gregorianDays: BigInt) -> Term {
        let z = gregorianDays + civilDays(BigInt(0), BigInt(1), BigInt(1)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return .tuple([.integer(year), .integer(month), .integer(day)])
    }

    /// ISO day of the week (Monday 1) of a day count from `{0, 1, 1}` (a Saturday).
    static func weekday(_ days: BigInt) -> Int { Int((days + 5) % 7) + 1 }

    /// `{Hour, Minute, Second}` of seconds since midnight.
    static func time(_ seconds: Int) -> Term {
        .tuple([.int(seconds / 3600), .int(seconds % 3600 / 60), .int(seconds % 60)])
    }

    /// `time_to_seconds({H, M, S})`: not range-checked, as in erl.
    static func seconds(of time: Term) throws -> Term {
        guard case .tuple(let t) = time, t.count == 3 else { throw clause("time_to_seconds", [time], 471) }
        let hours = try Arithmetic.multiply(t[0], .int(3600))
        let minutes = try Arithmetic.multiply(t[1], .int(60))
        return try Arithmetic.add(try Arithmetic.add(hours, minutes), t[2])
    }
}
