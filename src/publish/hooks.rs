//! Writing the `pre-receive` and `post-receive` hooks into a bare repository.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::{PublishError, io};

/// The line that marks a hook as ours (so that re-installing may replace it).
const MARK: &str = "# Written by `kartoteka publish install`";

/// What `kartoteka publish install` was given.
#[derive(Clone, Debug)]
pub struct InstallOptions {
    /// The bare repository.
    pub repo: PathBuf,
    /// The live path (a symlink the web server serves).
    pub live: PathBuf,
    /// The published branch.
    pub branch: String,
    /// How many releases to keep.
    pub keep: usize,
    /// Replace hooks that are not ours.
    pub force: bool,
    /// This program, by absolute path.
    pub program: PathBuf,
}

/// Writes both hooks. Refuses to replace a hook kartoteka did not write, unless `force`.
pub fn install(options: &InstallOptions) -> Result<Vec<PathBuf>, PublishError> {
    let repo = options.repo.canonicalize().map_err(io(&options.repo))?;
    let hooks = repo.join("hooks");
    if !repo.join("HEAD").is_file() || repo.join(".git").exists() {
        return Err(PublishError::NotBare(repo.display().to_string()));
    }
    std::fs::create_dir_all(&hooks).map_err(io(&hooks))?;
    let live = absolute(&options.live)?;
    let program = options
        .program
        .canonicalize()
        .map_err(io(&options.program))?;
    let scripts = [
        (
            "pre-receive",
            format!(
                "exec {} publish pre-receive --repo {} --branch {}",
                quote(&program),
                quote(&repo),
                quote_str(&options.branch)
            ),
        ),
        (
            "post-receive",
            format!(
                "exec {} publish post-receive --repo {} --live {} --branch {} --keep {}",
                quote(&program),
                quote(&repo),
                quote(&live),
                quote_str(&options.branch),
                options.keep
            ),
        ),
    ];
    for (name, _) in &scripts {
        let path = hooks.join(name);
        if let Ok(existing) = std::fs::read_to_string(&path)
            && !existing.contains(MARK)
            && !options.force
        {
            return Err(PublishError::ForeignHook(path.display().to_string()));
        }
    }
    let mut written = Vec::new();
    for (name, command) in scripts {
        let path = hooks.join(name);
        let text = format!(
            "#!/bin/sh\n{MARK}: re-run it to update, or delete this file to stop publishing.\n{command}\n"
        );
        std::fs::write(&path, text).map_err(io(&path))?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(io(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// `path` made absolute without requiring it to exist (the live symlink may not exist yet).
fn absolute(path: &Path) -> Result<PathBuf, PublishError> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let parent = parent.canonicalize().map_err(io(parent))?;
    Ok(parent.join(path.file_name().unwrap_or_default()))
}

/// Quotes a path for `/bin/sh`.
fn quote(path: &Path) -> String {
    quote_str(&path.display().to_string())
}

fn quote_str(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
