//! Calendar days, as the plan counts them. Written here, not taken from `chrono` or `time`: the
//! plan needs only a day's number, adding days and one format (`YYYYMMDD` / `YYYY-MM-DD`), and
//! either crate would add its tables and formatting to the lessons' download for that. The
//! conversion is Howard Hinnant's `days_from_civil` (proleptic Gregorian calendar).

use serde::{Deserialize, Serialize};

pub const DAYS_PER_WEEK: i64 = 7;

/// A day of the calendar, kept as days since 1970-01-01 (negative before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    days: i64,
}

impl Date {
    /// The day `year`-`month`-`day`, if there is one.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date {
            days: days_from_civil(i64::from(year), i64::from(month), i64::from(day)),
        };
        (date.ymd() == (year, month, day) && (1..=9999).contains(&year)).then_some(date)
    }

    /// The day that is `days` days since 1970-01-01 (as `Date.now() / 86 400 000` gives it).
    pub fn from_days(days: i64) -> Date {
        // Years 1 to 9999: what a calendar file and the ISO format can write.
        Date {
            days: days.clamp(-719_162, 2_932_896),
        }
    }

    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days(self.days.saturating_add(days))
    }

    /// Days from `earlier` to this day.
    pub fn days_since(self, earlier: Date) -> i64 {
        self.days - earlier.days
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.days + 3).rem_euclid(DAYS_PER_WEEK) as u32
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// `2026-12-07`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `20261207`, as a calendar file writes a day.
    pub fn basic(self) -> String {
        self.iso().replace('-', "")
    }
}

impl TryFrom<String> for Date {
    type Error = String;

    /// Reads `YYYY-MM-DD` (a stored plan is untrusted on the way back in).
    fn try_from(text: String) -> Result<Date, String> {
        let mut parts = text.splitn(3, '-');
        let mut next = || parts.next().and_then(|p| p.parse::<u32>().ok());
        match (next(), next(), next()) {
            (Some(y), Some(m), Some(d)) => i32::try_from(y)
                .ok()
                .and_then(|y| Date::new(y, m, d))
                .ok_or_else(|| format!("no such day: {text}")),
            _ => Err(format!("not a day: {text}")),
        }
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.iso()
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_match_the_calendar() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days, 0);
        // Python: (date(2026, 12, 7) - date(1970, 1, 1)).days
        assert_eq!(Date::new(2026, 12, 7).unwrap().days, 20_794);
        assert_eq!(Date::from_days(20_794).iso(), "2026-12-07");
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().plus_days(1).iso(),
            "2024-03-01"
        );
        assert_eq!(
            Date::new(2026, 12, 28).unwrap().plus_days(7).basic(),
            "20270104"
        );
        assert!(Date::new(2026, 2, 29).is_none() && Date::new(2026, 13, 1).is_none());
        // 2026-12-07 is a Monday; 1970-01-01 a Thursday.
        assert_eq!(Date::new(2026, 12, 7).unwrap().weekday(), 0);
        assert_eq!(Date::from_days(0).weekday(), 3);
    }

    #[test]
    fn a_stored_day_reads_back_and_nonsense_is_refused() {
        let day: Date = serde_json::from_str("\"2027-01-31\"").unwrap();
        assert_eq!(serde_json::to_string(&day).unwrap(), "\"2027-01-31\"");
        for bad in [
            "\"2027-02-30\"",
            "\"yesterday\"",
            "\"-1-01-01\"",
            "\"99999-1-1\"",
            "7",
        ] {
            assert!(serde_json::from_str::<Date>(bad).is_err(), "{bad}");
        }
        assert_eq!(Date::from_days(i64::MAX).ymd().0, 9999);
    }
}
