//! Files: what an uploaded file really is and making it safe to keep (`media`), and where
//! bytes are kept (`storage`: a local folder or S3).

pub mod media;
pub mod storage;
