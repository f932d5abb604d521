#!/usr/bin/env python3
"""Turns the seed portal page (content/seed-article.txt, a text dump of the
real page) into the native article-reader JSON (content/seed-article.json).

Every line of the article body is kept verbatim, punctuation included: the
portal mixes half-width commas and colons into Chinese text, and search must
cope with that. Run: python3 scripts/seed_to_json.py
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
lines = [l.strip() for l in (ROOT / "content/seed-article.txt").read_text("utf-8").splitlines()]
lines = [l for l in lines if l]

HEADINGS = {
    "政治忠诚持续铸牢 纪律意识持续强化",
    "新风正气持续弘扬 能力素质持续增强",
    "创造活力持续激发 干事效能持续提升",
}
# The three parallel city items that end in ";" (or "……") form a list.
LIST_PREFIXES = ("咸阳市紧盯", "榆林市构建", "汉中市推广")

site_name = lines[1]
title = lines[3]
meta = lines[4]
date = re.search(r"时间:(\d{4}-\d{2}-\d{2})", meta).group(1)
source = re.search(r"来源:(\S+)", meta).group(1)
lead = lines[5]
end = lines.index("关闭")
body = lines[6:end]

blocks = []
for line in body:
    if line in HEADINGS:
        blocks.append({"type": "heading", "text": line})
    elif line.startswith(LIST_PREFIXES):
        if blocks and blocks[-1]["type"] == "list":
            blocks[-1]["items"].append(line)
        else:
            blocks.append({"type": "list", "ordered": False, "items": [line]})
    else:
        blocks.append({"type": "paragraph", "text": line})

footer = {l.split(":", 1)[0].replace(" ", "").replace("\u3000", ""): l.split(":", 1)[1] for l in lines[end + 1:] if ":" in l}
old = next(l for l in lines[end + 1:] if l.startswith("旧版回顾"))
old_title = re.search(r"\((.*)\)", old).group(1)
icp = next(l for l in lines[end + 1:] if "ICP" in l)

doc = {
    "format": "article-reader",
    "version": 1,
    "id": "baoji-2024-02-22-zuofeng",
    "lang": "zh-CN",
    "site": {"name": site_name},
    "title": title,
    "published": date,
    "source": source,
    "lead": lead,
    "blocks": blocks,
    "publisher": {
        "organiser": footer["主办"],
        "address": footer["联系地址"],
        "phone": footer["联系电话"],
        "email": footer["电子邮件"],
        "postcode": footer["邮编"],
        "icp": icp,
        "links": [{"text": "旧版回顾", "title": old_title}],
    },
}
out = ROOT / "content/seed-article.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
print(f"wrote {out.relative_to(ROOT)}: {len(blocks)} blocks")
