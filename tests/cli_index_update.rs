//! `article-reader index --update`, `--delete` and `--prune`, run as a
//! built binary: documents are replaced, added and deleted writing only new
//! files; stored copies come in packs, deletions are tombstones until most
//! of a segment is dead; old generations are pruned. The index is then
//! searched from disk with the site engine.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use article_reader::core::search::parse_query;
use article_reader::core::search::site::{Manifest, SiteIndex, Step};
use cli_support::*;

#[test]
fn update_replaces_adds_and_deletes_writing_only_new_files() {
    let d = scratch("cli-update");
    let out = index_old_news(&d, 30);
    let before: Vec<(PathBuf, Vec<u8>)> = files_under(&out)
        .into_iter()
        .filter(|p| !p.ends_with("manifest.json"))
        .map(|p| (p.clone(), fs::read(&p).unwrap()))
        .collect();
    assert_eq!(search(&out, "发展").total, 30);

    let day = d.join("day.jsonl");
    fs::write(
        &day,
        format!(
            "{}\n{}\n",
            article("n3", "更正后的新闻", "改过的正文"),
            article("new", "今日要闻", "宝鸡市新闻")
        ),
    )
    .unwrap();
    let o = bin(&[
        "index",
        "--update",
        out.to_str().unwrap(),
        "--delete",
        "n7",
        day.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("1 replaced, 1 deleted"), "{stdout}");
    // Nothing written before changed.
    for (p, b) in &before {
        assert_eq!(&fs::read(p).unwrap(), b, "{}", p.display());
    }
    assert_eq!(search(&out, "发展").total, 28);
    assert_eq!(ids(&search(&out, "更正")), ["n3"]);
    assert!(search(&out, "旧闻3").hits.iter().all(|h| h.id != "n3"));
    assert!(search(&out, "旧闻7").hits.is_empty());
    assert_eq!(ids(&search(&out, "宝鸡市新闻")), ["new"]);

    // Deleting alone works; an unknown id is a note, not a failure.
    let o = bin(&[
        "index",
        "--update",
        out.to_str().unwrap(),
        "--delete",
        "new",
        "--delete",
        "nope",
    ]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope"));
    assert!(search(&out, "宝鸡市新闻").hits.is_empty());

    // Small segments merge once a size tier is full; results stay the same.
    for k in 0..5 {
        let f = d.join(format!("more{k}.json"));
        fs::write(&f, article(&format!("m{k}"), "追加", "宝鸡市高质量发展")).unwrap();
        assert!(bin(&[
            "index",
            "--update",
            out.to_str().unwrap(),
            f.to_str().unwrap()
        ])
        .status
        .success());
    }
    let m = Manifest::from_json(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert!(m.segments.len() < 7, "{m:?}");
    assert_eq!(search(&out, "发展").total, 33);
}

/// The segment directories of an index directory.
fn segment_dirs(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.strip_prefix('g')
                .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    out.sort();
    out
}

fn manifest_dirs(text: &str) -> Vec<String> {
    let mut d: Vec<String> = Manifest::from_json(text)
        .unwrap()
        .segments
        .into_iter()
        .map(|s| s.dir)
        .collect();
    d.sort();
    d
}

#[test]
fn prune_removes_segments_no_manifest_of_the_last_two_generations_names() {
    let d = scratch("cli-prune");
    let out = d.join("index");
    let outs = out.to_str().unwrap();
    // Something of the host's own next to the index is never touched.
    fs::create_dir_all(out.join("gallery")).unwrap();
    let mut manifests = Vec::new();
    // Five updates: small segments merge (FANOUT), so some directories
    // leave the manifest.
    for k in 0..6 {
        let f = day_file(&d, k);
        let o = if k == 0 {
            bin(&["index", "--out", outs, f.to_str().unwrap()])
        } else {
            bin(&["index", "--update", outs, f.to_str().unwrap()])
        };
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        manifests.push(fs::read_to_string(out.join("manifest.json")).unwrap());
    }
    let named: std::collections::BTreeSet<String> =
        manifests.iter().flat_map(|m| manifest_dirs(m)).collect();
    let last_two: std::collections::BTreeSet<String> = manifests[4..]
        .iter()
        .flat_map(|m| manifest_dirs(m))
        .collect();
    // Without --prune, every generation's directories stay (and those of
    // segments merged again within one run, which no manifest names).
    let before = segment_dirs(&out);
    assert!(named.iter().all(|d| before.contains(d)), "{before:?}");
    assert!(
        before.len() > last_two.len(),
        "the merges left no old directory to prune: {before:?}"
    );

    // Updates with --prune: kept are the new manifest's directories and
    // the previous one's, nothing else; until one of them merged segments,
    // so that the previous generation names directories the new one does not.
    let mut previous = manifests[5].clone();
    let mut merged = false;
    for k in 6..20 {
        let f = day_file(&d, k);
        let o = bin(&["index", "--update", outs, "--prune", f.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stdout).contains("pruned"));
        let new = fs::read_to_string(out.join("manifest.json")).unwrap();
        let mut keep: Vec<String> = manifest_dirs(&new);
        keep.extend(manifest_dirs(&previous));
        keep.sort();
        keep.dedup();
        assert_eq!(segment_dirs(&out), keep, "after day {k}");
        assert!(
            out.join("gallery").is_dir(),
            "a directory not of the index stays"
        );
        assert_eq!(search(&out, "宝鸡市新闻").total, k + 1);
        // The previous manifest, as a CDN may still serve it, still works.
        let m = Manifest::from_json(&previous).unwrap();
        let mut ix = SiteIndex::new(m);
        let total = loop {
            match ix.search(&parse_query("宝鸡市新闻"), 10).unwrap() {
                Step::Done(r) => break r.total,
                Step::Need(paths) => {
                    for p in paths {
                        ix.add_file(p.clone(), read_gz(&out.join(&p)));
                    }
                }
            }
        };
        assert_eq!(total, k, "the previous generation answers after pruning");
        let new_dirs = manifest_dirs(&new);
        let merged_now = manifest_dirs(&previous)
            .iter()
            .any(|dir| !new_dirs.contains(dir));
        previous = new;
        if merged_now {
            merged = true;
            break;
        }
    }
    assert!(
        merged,
        "no update merged segments: the previous generation was never tested"
    );
}

#[test]
fn stored_copies_are_packed_and_deletions_are_tombstones_until_most_are_dead() {
    let d = scratch("cli-packs");
    let out = index_old_news(&d, 40);
    let outs = out.to_str().unwrap();
    let m = Manifest::from_json(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let seg = &m.segments[0];
    // Several documents to a pack: fewer stored files than documents.
    let packs: Vec<PathBuf> = files_under(&out.join(&seg.dir).join("d"));
    assert!(seg.pack > 1, "{seg:?}");
    assert_eq!(
        packs.len(),
        40usize.div_ceil(seg.pack as usize),
        "{packs:?}"
    );
    for p in &packs {
        read_gz(p);
    }
    // Every hit comes out of its pack whole.
    let r = search(&out, "旧闻");
    assert_eq!(r.total, 40);
    for h in &r.hits {
        let n = h.id[1..].parse::<usize>().unwrap();
        assert_eq!(h.title, format!("旧闻{n}"));
        assert_eq!(h.url.as_deref(), Some(format!("/news/n{n}.html").as_str()));
    }
    let before: Vec<(PathBuf, Vec<u8>)> = files_under(&out)
        .into_iter()
        .filter(|p| !p.ends_with("manifest.json"))
        .map(|p| (p.clone(), fs::read(&p).unwrap()))
        .collect();

    // Half the documents deleted: only the manifest changes.
    let mut args = vec!["index", "--update", outs];
    let gone: Vec<String> = (0..20).map(|i| format!("n{i}")).collect();
    for id in &gone {
        args.extend(["--delete", id.as_str()]);
    }
    assert!(bin(&args).status.success());
    assert_eq!(files_under(&out).len(), before.len() + 1);
    for (p, b) in &before {
        assert_eq!(&fs::read(p).unwrap(), b, "{}", p.display());
    }
    assert_eq!(search(&out, "发展").total, 20);

    // One more: most of the segment is dead, so it is compacted into a
    // new one holding the live documents only.
    assert!(bin(&["index", "--update", outs, "--delete", "n20"])
        .status
        .success());
    let m = Manifest::from_json(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m.segments.len(), 1);
    assert_ne!(m.segments[0].dir, seg.dir);
    assert_eq!((m.segments[0].docs, m.deleted.len()), (19, 0));
    let r = search(&out, "发展");
    assert_eq!(r.total, 19);
    assert!(r
        .hits
        .iter()
        .all(|h| h.id[1..].parse::<u32>().unwrap() > 20));
}

/// Day `k`'s one new article (`d{k}`), written to `dir/day{k}.json`.
fn day_file(dir: &Path, k: usize) -> PathBuf {
    let f = dir.join(format!("day{k}.json"));
    fs::write(
        &f,
        article(&format!("d{k}"), &format!("第{k}天"), "宝鸡市新闻"),
    )
    .unwrap();
    f
}
