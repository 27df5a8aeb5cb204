//! Saving off the input path: the UI hands a snapshot to a background thread, which
//! serialises and writes it atomically and reports back. Typing never waits on the disk.
//! Any serialisable document: sessions, and the interviewer's interview files.

use super::{SaveError, save_doc};
use crate::model::Session;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;
use time::OffsetDateTime;

struct Job<T> {
    generation: u64,
    path: PathBuf,
    doc: Box<T>,
}

#[derive(Debug)]
pub struct SaveOutcome {
    pub generation: u64,
    pub result: Result<OffsetDateTime, SaveError>,
}

pub struct Saver<T: Serialize + Send + 'static = Session> {
    jobs: Option<Sender<Job<T>>>,
    outcomes: Receiver<SaveOutcome>,
    worker: Option<thread::JoinHandle<()>>,
}

impl<T: Serialize + Send + 'static> Default for Saver<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Serialize + Send + 'static> Saver<T> {
    pub fn new() -> Self {
        let (job_tx, job_rx) = mpsc::channel::<Job<T>>();
        let (out_tx, out_rx) = mpsc::channel();
        let worker = thread::Builder::new()
            .name("volgspot-autosave".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest snapshot matters: skip any that queued up meanwhile.
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let Job {
                        generation,
                        path,
                        doc,
                    } = job;
                    let result = save_doc(&path, &*doc);
                    // Freed before reporting back: the snapshot was allocated by the input
                    // thread, and freeing its many small pieces from here while that thread
                    // copies the next snapshot made both wait on the allocator (a 1 ms
                    // copy took 5–8 ms on a large session).
                    drop(doc);
                    let outcome = SaveOutcome { generation, result };
                    if out_tx.send(outcome).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Saver {
            jobs: Some(job_tx),
            outcomes: out_rx,
            worker,
        }
    }

    /// Queues a snapshot for saving.
    pub fn request(&self, generation: u64, path: PathBuf, doc: T) {
        if let Some(tx) = &self.jobs {
            let _ = tx.send(Job {
                generation,
                path,
                doc: Box::new(doc),
            });
        }
    }

    /// Outcomes that have arrived, without waiting.
    pub fn poll(&self) -> Vec<SaveOutcome> {
        self.outcomes.try_iter().collect()
    }

    /// Waits (up to `timeout`) for the outcome of `generation` or a later one.
    pub fn wait_for(&self, generation: u64, timeout: Duration) -> Option<SaveOutcome> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.outcomes.recv_timeout(left) {
                Ok(o) if o.generation >= generation => return Some(o),
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None;
                }
            }
        }
    }
}

impl<T: Serialize + Send + 'static> Drop for Saver<T> {
    fn drop(&mut self) {
        self.jobs.take();
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}
