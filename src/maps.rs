//! The app's maps: a few entries each (data sets, searches, queries, jobs in flight), so a
//! sorted vector (`litemap`) serves as well as a hash map, and its code is far smaller: every
//! hash map key type adds its own copy of the table's code to the first load.

pub type Map<K, V> = litemap::LiteMap<K, V>;
