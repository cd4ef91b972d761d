//! Publishing by `git push` to a bare repository on the municipality's own server.
//!
//! `install` writes two git hooks that call this program: `pre-receive` checks the pushed
//! commit and refuses the push on any content error; `post-receive` builds the accepted commit
//! into `releases/<commit>/` beside the live path and swaps the live symlink in one
//! `rename(2)`. A failed build never touches the live site; `rollback` points it back.

mod hooks;
mod release;

pub use hooks::{InstallOptions, install};
pub use release::{Releases, rollback};

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::model::config::is_placeholder;
use crate::model::{Date, Site};

/// Why publishing failed.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// A hook exists that this program did not write.
    #[error("{0} exists and was not written by kartoteka; use --force to replace it")]
    ForeignHook(String),
    /// The path given as the repository is not a bare git repository.
    #[error("{0} is not a bare git repository (no `hooks/` and `HEAD` in it)")]
    NotBare(String),
    /// A git command failed.
    #[error("git {args} failed: {message}")]
    Git {
        /// The arguments.
        args: String,
        /// What git said.
        message: String,
    },
    /// The push has content errors.
    #[error("the push was refused: {0} content error(s); fix them and push again")]
    Refused(usize),
    /// The site's address is still a placeholder: brochures, QR codes, the sitemap and the
    /// feeds would send citizens to an address that does not exist.
    #[error(
        "publishing refused: `base_url` in config.toml is still the placeholder address {0}; set the address the site will really be published at, then publish again"
    )]
    PlaceholderAddress(String),
    /// The build of an accepted commit failed.
    #[error("the build of {commit} failed, the live site is unchanged: {message}")]
    Build {
        /// The commit.
        commit: String,
        /// What the build said.
        message: String,
    },
    /// There is no release to roll back to.
    #[error("{0}")]
    Rollback(String),
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |source| PublishError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// One line of what git gives a pre- or post-receive hook on standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefUpdate {
    /// The old commit (all zeros for a new ref).
    pub old: String,
    /// The new commit (all zeros for a deletion).
    pub new: String,
    /// The full ref name, e.g. `refs/heads/main`.
    pub name: String,
}

impl RefUpdate {
    /// Reads `old new ref` lines.
    pub fn read_all(input: impl BufRead) -> Vec<RefUpdate> {
        input
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| {
                let mut parts = line.split_whitespace();
                Some(RefUpdate {
                    old: parts.next()?.to_string(),
                    new: parts.next()?.to_string(),
                    name: parts.next()?.to_string(),
                })
            })
            .collect()
    }

    /// Does this update delete the ref?
    pub fn is_deletion(&self) -> bool {
        self.new.bytes().all(|b| b == b'0')
    }
}

/// Runs git with `args` in `git_dir` and returns its standard output.
pub(crate) fn git(git_dir: &Path, args: &[&str]) -> Result<String, PublishError> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(args)
        .output()
        .map_err(|e| PublishError::Git {
            args: args.join(" "),
            message: e.to_string(),
        })?;
    if !out.status.success() {
        return Err(PublishError::Git {
            args: args.join(" "),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Writes the tree of `commit` into the new folder `target` (`git archive | tar -x`).
pub(crate) fn export(git_dir: &Path, commit: &str, target: &Path) -> Result<(), PublishError> {
    std::fs::create_dir_all(target).map_err(io(target))?;
    let archive = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["archive", "--format=tar", commit])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| PublishError::Git {
            args: format!("archive {commit}"),
            message: e.to_string(),
        })?;
    let stdout = archive.stdout.ok_or_else(|| PublishError::Git {
        args: format!("archive {commit}"),
        message: "no output".into(),
    })?;
    let status = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(target)
        .stdin(stdout)
        .status()
        .map_err(io(target))?;
    if !status.success() {
        return Err(PublishError::Git {
            args: format!("archive {commit} | tar -x"),
            message: format!("tar exited with {status}"),
        });
    }
    Ok(())
}

/// Can `site` be published? Not while its `base_url` is a placeholder (`example.org`,
/// `.invalid`, `.test`, `localhost`…): every absolute link, QR code and feed would point there.
pub fn ready(site: &Site) -> Result<(), PublishError> {
    if is_placeholder(&site.config.base_url) {
        return Err(PublishError::PlaceholderAddress(
            site.config.base_url.clone(),
        ));
    }
    Ok(())
}

/// The `pre-receive` hook: checks the pushed tip of `branch`; prints every diagnostic to
/// standard error (git shows it to the pusher as `remote: …`). Other refs pass untouched.
pub fn pre_receive(
    git_dir: &Path,
    branch: &str,
    updates: &[RefUpdate],
    today: Date,
) -> Result<(), PublishError> {
    let wanted = format!("refs/heads/{branch}");
    for update in updates.iter().filter(|u| u.name == wanted) {
        if update.is_deletion() {
            eprintln!(
                "error: deleting the branch `{branch}` would take the site down; the push was refused"
            );
            return Err(PublishError::Refused(1));
        }
        let dir = tempfile::tempdir().map_err(io(Path::new("temporary folder")))?;
        let tree = dir.path().join("site");
        export(git_dir, &update.new, &tree)?;
        let checked = crate::check(&tree, today);
        for d in &checked.diagnostics {
            eprintln!("{}", d.to_plain());
        }
        eprintln!("{}", crate::summary_line(&checked));
        let errors = checked.errors().count();
        if errors > 0 {
            eprintln!(
                "error: the push was refused; the live site is unchanged. Fix the errors above and push again."
            );
            return Err(PublishError::Refused(errors));
        }
        if let Some(site) = &checked.site
            && let Err(e) = ready(site)
        {
            eprintln!("error: {e}. The push was refused; the live site is unchanged.");
            return Err(e);
        }
    }
    Ok(())
}

/// What the `post-receive` hook needs to know.
#[derive(Clone, Debug)]
pub struct Target {
    /// The bare repository.
    pub git_dir: PathBuf,
    /// The branch that is published.
    pub branch: String,
    /// The live path: a symlink to the current release.
    pub live: PathBuf,
    /// How many releases to keep.
    pub keep: usize,
    /// This program, to run `build`.
    pub program: PathBuf,
}

/// The `post-receive` hook: if `branch` moved, builds its tip and makes it live.
/// Serialised by a lock file; builds the branch tip as it is once the lock is held, so that
/// after two quick pushes the live site ends at the later one.
pub fn post_receive(target: &Target, updates: &[RefUpdate]) -> Result<(), PublishError> {
    let wanted = format!("refs/heads/{}", target.branch);
    if !updates.iter().any(|u| u.name == wanted && !u.is_deletion()) {
        return Ok(());
    }
    let releases = Releases::beside(&target.live);
    let _lock = releases.lock()?;
    releases.remove_leftovers(&target.live);
    let started = Instant::now();
    let commit = git(
        &target.git_dir,
        &["rev-parse", "--verify", &format!("{wanted}^{{commit}}")],
    )?;
    if Releases::current_of(&target.live).as_deref() == Some(commit.as_str()) {
        println!("{} is live already", short(&commit));
        return Ok(());
    }
    // Beside the releases, not in /tmp: a killed publish leaves it where the next one removes it.
    let source = releases.export_folder()?;
    let tree = source.path().join("site");
    export(&target.git_dir, &commit, &tree)?;
    let release = releases.path_of(&commit);
    let out = Command::new(&target.program)
        .arg("build")
        .arg(&tree)
        .arg("--output")
        .arg(&release)
        .arg("--pdf-cache")
        .arg(releases.pdf_cache())
        .output()
        .map_err(io(&target.program))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(PublishError::Build { commit, message });
    }
    releases.activate(&commit, &target.live)?;
    releases.prune(target.keep)?;
    println!(
        "published {} to {} in {:.2} s",
        short(&commit),
        target.live.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(12)]
}
