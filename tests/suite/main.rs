//! Every Rust integration test, in one test binary: each module is one former test file.
//! One binary links the library (typst included) once instead of twenty times, which keeps
//! `cargo test` fast to link and small on disk. Run one part with `cargo test --test suite MODULE`.

mod common;

mod accessibility_statement;
mod area_served;
mod build;
mod build_outputs;
mod check_build;
mod check_errors;
mod check_valid;
mod cli;
mod docs_links;
mod fallback_contact;
mod hostile;
mod long_lists;
mod new;
mod opendata_config;
mod opendata_export;
mod opendata_roundtrip;
mod opendata_schema;
mod opendata_tabular;
mod outside_site;
mod print;
mod print_pdfua;
mod publish;
mod publish_nginx;
mod ruse_site;
mod search_index;
mod search_vectors;
mod serve;
mod serve_incremental;
mod snapshots;
mod theme_files;
mod translit;
