//! A report folder written as one unit.
//!
//! Every file of a report goes into a fresh hidden folder beside the
//! output folder (`.report.staging-<pid>-<n>`), which then takes the output
//! folder's place by a rename. A reader of the output folder sees the
//! previous complete report or the new complete report, never a mix (for
//! the instant between the two renames, no folder at all). A lock file
//! beside it (`.report.lock`, held with an OS file lock, so a killed run
//! leaves no stale lock) makes a second run into the same folder fail at
//! once; the staging folders of earlier runs that were killed are removed
//! by the next run.

use std::fs::File;
use std::path::{Path, PathBuf};

use kommunbench_analysis::ExportError;

pub use kommunbench_core::REPORT_MARKER;

/// A report folder being written (see the module docs).
#[derive(Debug)]
pub struct ReportDir {
    target: PathBuf,
    staging: PathBuf,
    parent: PathBuf,
    name: String,
    _lock: File,
    committed: bool,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io { path: path.to_owned(), source }
}

impl ReportDir {
    /// Starts writing the report folder `target`: takes its lock, removes
    /// stale staging folders, and creates a fresh one.
    ///
    /// ```
    /// use kommunbench_report::ReportDir;
    ///
    /// let dir = tempfile::tempdir()?;
    /// let out = dir.path().join("report");
    /// let staged = ReportDir::create(&out)?;
    /// std::fs::write(staged.path().join("coverage.csv"), "document\n")?;
    /// assert!(!out.exists());
    /// staged.commit()?;
    /// assert!(out.join("coverage.csv").is_file());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn create(target: &Path) -> Result<ReportDir, ExportError> {
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_owned();
        let name = target.file_name().map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        if let Ok(meta) = std::fs::symlink_metadata(target) {
            if !meta.is_dir() {
                return Err(ExportError::NotAReport { path: target.to_owned(), why: "it is not a directory".into() });
            }
            let foreign =
                std::fs::read_dir(target).map_err(io(target))?.next().is_some() && !target.join(REPORT_MARKER).is_file();
            if foreign {
                return Err(ExportError::NotAReport {
                    path: target.to_owned(),
                    why: "it holds files that kommunbench did not write (no .kommunbench-report marker)".into(),
                });
            }
        }
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = File::options().create(true).truncate(false).write(true).open(&lock_path).map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(ExportError::Busy { path: target.to_owned(), lock: lock_path }),
            Err(std::fs::TryLockError::Error(source)) => return Err(ExportError::Io { path: lock_path, source }),
        }
        // Holding the lock, no other run is writing: leftovers are stale.
        let prefix = format!(".{name}.staging-");
        let old = format!(".{name}.old-");
        for entry in std::fs::read_dir(&parent).map_err(io(&parent))?.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with(&prefix) || file_name.starts_with(&old) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let staging = parent.join(format!("{prefix}{}-{nanos}", std::process::id()));
        std::fs::create_dir(&staging).map_err(io(&staging))?;
        std::fs::write(staging.join(REPORT_MARKER), "a kommunbench report; this folder is replaced whole by the next run\n")
            .map_err(io(&staging))?;
        Ok(ReportDir { target: target.to_owned(), staging, parent, name, _lock: lock, committed: false })
    }

    /// Where to write the files now.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// The final folder.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Puts the new report in place of the old one; returns the folder.
    pub fn commit(mut self) -> Result<PathBuf, ExportError> {
        let old = self.parent.join(format!(".{}.old-{}", self.name, std::process::id()));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(io(&self.target))?;
        }
        if let Err(source) = std::fs::rename(&self.staging, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(ExportError::Io { path: self.target.clone(), source });
        }
        self.committed = true;
        if had_old {
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(self.target.clone())
    }
}

impl Drop for ReportDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_fails_fast_and_a_failed_run_leaves_the_old_report() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report");
        let first = ReportDir::create(&out).unwrap();
        std::fs::write(first.path().join("a.csv"), "1").unwrap();
        let err = ReportDir::create(&out).unwrap_err().to_string();
        assert!(err.contains("another kommunbench run is writing"), "{err}");
        first.commit().unwrap();
        // A run that fails before committing leaves the old report whole.
        let second = ReportDir::create(&out).unwrap();
        std::fs::write(second.path().join("a.csv"), "2").unwrap();
        drop(second);
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "1");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("staging") || n.contains(".old-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_folder_of_other_files_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("notes");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("mine.txt"), "x").unwrap();
        let err = ReportDir::create(&out).unwrap_err().to_string();
        assert!(err.contains("holds files that kommunbench did not write"), "{err}");
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(ReportDir::create(&file).unwrap_err().to_string().contains("not a directory"));
    }

    #[test]
    fn stale_staging_folders_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report");
        let stale = dir.path().join(".report.staging-1-2");
        std::fs::create_dir(&stale).unwrap();
        std::fs::write(stale.join("half.csv"), "x").unwrap();
        ReportDir::create(&out).unwrap().commit().unwrap();
        assert!(!stale.exists());
    }
}
