//! Where attachment bytes live: a local directory by default, or an S3-compatible object
//! store (`s3://bucket/prefix`, credentials and endpoint from the usual `AWS_*` variables),
//! so that API instances stay stateless.

use anyhow::Context;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::sync::Arc;

#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    prefix: String,
}

impl Storage {
    /// `s3://bucket[/prefix]`, `file:///abs/dir` or a plain directory path.
    pub fn from_url(url: &str) -> anyhow::Result<Self> {
        if let Some(rest) = url.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let store = AmazonS3Builder::from_env()
                .with_bucket_name(bucket)
                .build()
                .context("cannot configure the S3 attachment store")?;
            return Ok(Storage {
                store: Arc::new(store),
                prefix: prefix.trim_matches('/').to_string(),
            });
        }
        let dir = url.strip_prefix("file://").unwrap_or(url);
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the attachment folder {dir}"))?;
        let store = LocalFileSystem::new_with_prefix(dir)
            .with_context(|| format!("cannot use {dir} for attachments"))?;
        Ok(Storage {
            store: Arc::new(store),
            prefix: String::new(),
        })
    }

    fn path(&self, key: &str) -> StorePath {
        if self.prefix.is_empty() {
            StorePath::from(key)
        } else {
            StorePath::from(format!("{}/{}", self.prefix, key))
        }
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.store
            .put(&self.path(key), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> anyhow::Result<Vec<u8>> {
        let result = self.store.get(&self.path(key)).await?;
        Ok(result.bytes().await?.to_vec())
    }

    /// Reads an object as a stream, a buffer at a time (for files too large to hold).
    pub async fn reader(&self, key: &str) -> anyhow::Result<object_store::buffered::BufReader> {
        let path = self.path(key);
        let meta = self.store.head(&path).await?;
        Ok(object_store::buffered::BufReader::with_capacity(
            Arc::clone(&self.store),
            &meta,
            1 << 20,
        ))
    }

    /// Writes an object as a stream (`tokio::io::AsyncWrite`; `shutdown` completes it,
    /// `abort` drops it).
    pub fn writer(&self, key: &str) -> object_store::buffered::BufWriter {
        object_store::buffered::BufWriter::new(Arc::clone(&self.store), self.path(key))
    }

    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        self.store.delete(&self.path(key)).await?;
        Ok(())
    }
}
