//! How a load error reads, in each UI language: the sentence a reader
//! sees, with no English left in a Chinese one.

use super::{Lang, Strings};
use crate::core::error::LoadError;

impl Strings {
    /// A reader-facing sentence for a load error.
    pub fn error(&self, e: &LoadError) -> String {
        use LoadError::*;
        let zh = self.lang == Lang::ZhCn;
        match e {
            TooLarge { size, limit } if zh => {
                let (size, limit) = (size_text(*size, "字节"), size_text(*limit, "字节"));
                format!("文档太大(至少 {size}),上限为 {limit}。")
            }
            TooLarge { size, limit } => {
                let (size, limit) = (size_text(*size, "bytes"), size_text(*limit, "bytes"));
                format!("The document is too large (at least {size}; the limit is {limit}).")
            }
            InvalidUtf8 if zh => "文档不是有效的 UTF-8 文本。".into(),
            InvalidUtf8 => "The document is not valid UTF-8 text.".into(),
            Syntax { line, column, detail } if zh => {
                let detail = zh_phrase(detail);
                format!("文档不是有效的 JSON(第 {line} 行第 {column} 列:{detail})。")
            }
            Syntax { line, column, detail } => {
                format!("The document is not valid JSON (line {line}, column {column}: {detail}).")
            }
            UnknownFormat if zh => {
                "无法识别文档格式:需要 article-reader 格式、JSON Feed 1.1 或 schema.org NewsArticle。".into()
            }
            UnknownFormat => "Unknown document format: expected the article-reader format, JSON Feed 1.1 or a schema.org NewsArticle.".into(),
            UnsupportedVersion { found } if zh => {
                format!("不支持的文档版本 {found}(本阅读器读取版本 1)。")
            }
            UnsupportedVersion { found } => {
                format!("Unsupported document version {found} (this reader reads version 1).")
            }
            MissingField { path } if zh => format!("缺少必填字段 “{path}”。"),
            MissingField { path } => format!("The required field \"{path}\" is missing."),
            WrongType { path, expected } if zh => {
                let expected = zh_phrase(expected);
                format!("字段 “{path}” 的类型不对,应为 {expected}。")
            }
            WrongType { path, expected } => {
                format!("The field \"{path}\" has the wrong type; expected {expected}.")
            }
            InvalidValue { path, detail } if zh => {
                let detail = zh_phrase(detail);
                format!("字段 “{path}” 的值无效:{detail}。")
            }
            InvalidValue { path, detail } => {
                format!("The field \"{path}\" has an invalid value: {detail}.")
            }
            LimitExceeded { path, limit } if zh => {
                format!("字段 “{path}” 超出上限({limit})。")
            }
            LimitExceeded { path, limit } => {
                format!("The field \"{path}\" exceeds the limit ({limit}).")
            }
            Http { status, url } if zh => format!("服务器返回错误 {status}({url})。"),
            Http { status, url } => format!("The server answered with HTTP {status} ({url})."),
            Network { url, detail } if zh => {
                let detail = zh_phrase(detail);
                format!("无法获取文档({url}):{detail}。")
            }
            Network { url, detail } => format!("The document could not be fetched ({url}): {detail}."),
            Timeout { url, ms } if zh => format!("获取文档超时({} 秒,{url})。", ms / 1000),
            Timeout { url, ms } => {
                format!("Fetching the document timed out after {} s ({url}).", ms / 1000)
            }
            EmptyCollection if zh => "文章列表是空的。".into(),
            EmptyCollection => "The collection has no articles.".into(),
        }
    }
}

impl std::fmt::Display for LoadError {
    /// The English, developer-facing description (also used in error events).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Strings::en().error(self).fmt(f)
    }
}

/// The Chinese for the English phrases errors carry (JSON syntax details,
/// expected types, value rules, common network failures), so a Chinese
/// message has no English in it. A phrase not listed is shown as given.
pub(super) const ZH_PHRASES: &[(&str, &str)] = &[
    ("expected value", "此处应为一个值"),
    ("EOF while parsing a value", "值未写完,文档就结束了"),
    ("EOF while parsing a list", "数组未结束,文档就结束了"),
    ("EOF while parsing an object", "对象未结束,文档就结束了"),
    ("EOF while parsing a string", "字符串未结束,文档就结束了"),
    ("expected `,` or `]`", "此处应为 “,” 或 “]”"),
    ("expected `,` or `}`", "此处应为 “,” 或 “}”"),
    ("expected `:`", "此处应为 “:”"),
    ("trailing comma", "多余的逗号"),
    ("key must be a string", "对象的键必须是字符串"),
    ("invalid number", "数字无效"),
    ("invalid escape", "转义序列无效"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "字符串中有未转义的控制字符",
    ),
    ("trailing characters", "JSON 结束后还有多余的字符"),
    ("recursion limit exceeded", "嵌套层数过多"),
    ("a string", "字符串"),
    ("a number", "数字"),
    ("an object", "对象"),
    ("an array", "数组"),
    ("true or false", "true 或 false"),
    ("a string or a number", "字符串或数字"),
    ("a string or an array", "字符串或数组"),
    ("a string or an object", "字符串或对象"),
    ("must not be empty", "不能为空"),
    ("must be 2, 3 or 4", "必须是 2、3 或 4"),
    ("must not be negative", "不能为负数"),
    ("must be a whole number", "必须是整数"),
    ("must be a whole number from 1", "必须是不小于 1 的整数"),
    ("is too large", "太大"),
    ("is not a number", "不是数字"),
    (
        "must be video, audio or page",
        "必须是 video、audio 或 page",
    ),
    (
        "must be row, col, rowgroup or colgroup",
        "必须是 row、col、rowgroup 或 colgroup",
    ),
    (
        "not an article in an accepted format (native or schema.org JSON-LD)",
        "不是可识别格式的文章(需要 article-reader 格式或 schema.org JSON-LD)",
    ),
    ("Failed to fetch", "网络错误,或服务器不允许跨域读取"),
    ("Load failed", "网络错误,或服务器不允许跨域读取"),
    (
        "NetworkError when attempting to fetch resource.",
        "网络错误,或服务器不允许跨域读取",
    ),
];

fn zh_phrase(en: &str) -> std::borrow::Cow<'_, str> {
    if let Some((_, zh)) = ZH_PHRASES.iter().find(|(e, _)| *e == en) {
        return (*zh).into();
    }
    // `unknown block type "x" (expected …)`
    if let Some(rest) = en.strip_prefix("unknown block type ") {
        let shown = rest.split(" (expected").next().unwrap_or(rest);
        return format!("未知的块类型 {shown}(可用:paragraph、heading、list、quote、image、code、rule、table、definitions、embed、attachments)").into();
    }
    en.into()
}

/// A size as a reader reads it: megabytes with one decimal, rounded down
/// ("at least 6.2 MB" stays true), or bytes below 0.1 MB.
pub(super) fn size_text(bytes: usize, unit: &str) -> String {
    let tenths = bytes / 100_000;
    match (tenths / 10, tenths % 10) {
        (0, 0) => format!("{bytes} {unit}"),
        (whole, 0) => format!("{whole} MB"),
        (whole, tenth) => format!("{whole}.{tenth} MB"),
    }
}
