//! Output: the files that describe the site to machines (sitemap, feeds, robots.txt) and
//! writing a built site to disk atomically.

pub mod atomic;
pub mod feed;
pub mod sitemap;

pub use atomic::{Staging, WriteError, write_atomically};
