//! Rebuilds the binary when the built-in theme (embedded with `include_dir!`) changes.

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=build.rs");
}
