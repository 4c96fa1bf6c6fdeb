//! Compiles `src/services/catalogue.toml` into static Rust tables (`$OUT_DIR/catalogue.rs`).
//!
//! Why at build time: the browser builds the service matcher at start-up, and parsing ~270
//! TOML entries there would cost time and code size for nothing. Doing it here also turns
//! every catalogue mistake (duplicate id, unknown parent or category, one spelling meaning
//! two services, non-ASCII pattern) into a compile error instead of a silent miss.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

const SOURCE: &str = "src/services/catalogue.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    categories: Vec<CategoryDef>,
    entry: Vec<EntryDef>,
    #[serde(default)]
    rules: BTreeMap<String, RuleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryDef {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    id: String,
    name: String,
    short: Option<String>,
    category: Option<String>,
    #[serde(default)]
    kind: Kind,
    parent: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
    #[serde(default)]
    cli: Vec<String>,
    /// `false` keeps `Amazon`/`AWS` as part of the name (`Amazon Linux` must not become
    /// `Linux`).
    #[serde(default = "yes")]
    strip: bool,
}

#[derive(Deserialize, Default, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "lowercase")]
enum Kind {
    #[default]
    Service,
    Feature,
    Tool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    words: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    never_after: Vec<String>,
    #[serde(default)]
    proper: bool,
    #[serde(default)]
    capital: bool,
    #[serde(default)]
    default: bool,
    #[serde(default = "yes")]
    list: bool,
}

fn yes() -> bool {
    true
}

/// How a pattern is accepted; the most permissive wins when one spelling is listed twice
/// for the same entry.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum How {
    Exact,
    Rule(usize),
    Alias,
}

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| fail(&format!("read: {e}")));
    let file: File = toml::from_str(&text).unwrap_or_else(|e| fail(&e.to_string()));
    let code = generate(&file).unwrap_or_else(|e| fail(&e));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| fail(&format!("OUT_DIR: {e}")));
    std::fs::write(Path::new(&out).join("catalogue.rs"), code)
        .unwrap_or_else(|e| fail(&format!("write: {e}")));
}

fn fail(message: &str) -> ! {
    eprintln!("error in {SOURCE}: {message}");
    std::process::exit(1)
}

fn generate(file: &File) -> Result<String, String> {
    let categories: HashSet<&str> = file.categories.iter().map(|c| c.id.as_str()).collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, e) in file.entry.iter().enumerate() {
        check_slug(&e.id)?;
        if index.insert(e.id.as_str(), i).is_some() {
            return Err(format!("duplicate id `{}`", e.id));
        }
    }
    // Resolve parents and categories (a feature inherits its parent's category).
    let mut parents = Vec::with_capacity(file.entry.len());
    for e in &file.entry {
        let parent = match &e.parent {
            Some(p) => Some(
                *index
                    .get(p.as_str())
                    .ok_or_else(|| format!("`{}`: unknown parent `{p}`", e.id))?,
            ),
            None => None,
        };
        if e.kind == Kind::Feature && parent.is_none() {
            return Err(format!("`{}`: a feature needs a parent", e.id));
        }
        parents.push(parent);
    }
    let mut resolved_categories = Vec::with_capacity(file.entry.len());
    for (i, e) in file.entry.iter().enumerate() {
        let mut at = i;
        let mut steps = 0;
        let category = loop {
            if let Some(c) = &file.entry[at].category {
                break c.clone();
            }
            match parents[at] {
                Some(p) if steps < file.entry.len() => {
                    at = p;
                    steps += 1;
                }
                _ => {
                    return Err(format!(
                        "`{}`: no category (and no parent that has one)",
                        e.id
                    ))
                }
            }
        };
        if !categories.contains(category.as_str()) {
            return Err(format!("`{}`: unknown category `{category}`", e.id));
        }
        resolved_categories.push(category);
    }
    for (i, _) in file.entry.iter().enumerate() {
        let mut at = i;
        for _ in 0..=file.entry.len() {
            match parents[at] {
                Some(p) if p == i => {
                    return Err(format!("`{}`: parent cycle", file.entry[i].id));
                }
                Some(p) => at = p,
                None => break,
            }
        }
    }

    // Rules, by entry.
    let mut rules: Vec<(usize, &RuleDef)> = Vec::new();
    let mut rule_of_entry: HashMap<usize, usize> = HashMap::new();
    for (id, rule) in &file.rules {
        let entry = *index
            .get(id.as_str())
            .ok_or_else(|| format!("rule for unknown entry `{id}`"))?;
        if rule.words.is_empty() {
            return Err(format!("rule `{id}` has no words"));
        }
        rule_of_entry.insert(entry, rules.len());
        rules.push((entry, rule));
    }

    // Patterns: lower-cased text -> (entry, how, text as written).
    let mut patterns: BTreeMap<String, (usize, How, String)> = BTreeMap::new();
    let mut add = |text: &str, entry: usize, how: How| -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        if !text.is_ascii() {
            return Err(format!(
                "`{}`: pattern `{text}` is not ASCII",
                file.entry[entry].id
            ));
        }
        let key = text.to_ascii_lowercase();
        match patterns.get(&key) {
            Some((other, _, _)) if *other != entry => Err(format!(
                "`{text}` would mean both `{}` and `{}`",
                file.entry[*other].id, file.entry[entry].id
            )),
            Some((_, old, _)) if *old >= how => Ok(()),
            _ => {
                patterns.insert(key, (entry, how, text.to_string()));
                Ok(())
            }
        }
    };
    for (i, e) in file.entry.iter().enumerate() {
        let rule = rule_of_entry.get(&i).copied();
        let gated: HashSet<String> = rule
            .map(|r| {
                rules[r]
                    .1
                    .words
                    .iter()
                    .map(|w| w.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        let exact: HashSet<String> = e.exact.iter().map(|w| w.to_ascii_lowercase()).collect();
        let mut implicit = vec![e.name.clone()];
        implicit.extend(e.short.clone());
        let implicit: Vec<String> = implicit
            .into_iter()
            .map(|n| {
                if e.strip {
                    strip_prefix(&n).to_string()
                } else {
                    n
                }
            })
            .filter(|n| {
                let key = n.to_ascii_lowercase();
                !gated.contains(&key) && !exact.contains(&key)
            })
            .collect();
        for alias in implicit.iter().chain(&e.aliases) {
            for v in variants(alias) {
                add(&v, i, How::Alias)?;
            }
        }
        if let Some(r) = rule {
            for word in &rules[r].1.words {
                for v in variants(word) {
                    add(&v, i, How::Rule(r))?;
                }
            }
        }
        for word in &e.exact {
            add(word, i, How::Exact)?;
        }
    }

    let mut cli: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in file.entry.iter().enumerate() {
        for c in &e.cli {
            if let Some(other) = cli.insert(c.to_ascii_lowercase(), i) {
                return Err(format!(
                    "CLI namespace `{c}` listed by `{}` and `{}`",
                    file.entry[other].id, e.id
                ));
            }
        }
    }

    let mut out = String::new();
    out.push_str("// @generated by build.rs from src/services/catalogue.toml. Do not edit.\n\n");
    out.push_str("static CATEGORIES: &[Category] = &[\n");
    for c in &file.categories {
        check_slug(&c.id)?;
        let _ = writeln!(
            out,
            "    Category {{ id: {:?}, name: {:?} }},",
            c.id, c.name
        );
    }
    out.push_str("];\n\nstatic ENTRIES: &[Entry] = &[\n");
    for (i, e) in file.entry.iter().enumerate() {
        let short = e.short.clone().unwrap_or_else(|| e.name.clone());
        let parent = match parents[i] {
            Some(p) => format!("Some({:?})", file.entry[p].id),
            None => "None".to_string(),
        };
        let mut aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        aliases.extend(e.exact.iter().map(String::as_str));
        if let Some(r) = rule_of_entry.get(&i) {
            aliases.extend(rules[*r].1.words.iter().map(String::as_str));
        }
        let _ = writeln!(
            out,
            "    Entry {{ id: {:?}, name: {:?}, short: {:?}, category: {:?}, kind: Kind::{:?}, parent: {parent}, aliases: &{:?} }},",
            e.id, e.name, short, resolved_categories[i], e.kind, aliases
        );
    }
    out.push_str("];\n\n/// Parent of each entry, by index into `ENTRIES`.\n");
    let parent_list: Vec<String> = parents
        .iter()
        .map(|p| match p {
            Some(p) => format!("Some({p})"),
            None => "None".to_string(),
        })
        .collect();
    let _ = writeln!(
        out,
        "static PARENTS: &[Option<u16>] = &[{}];\n",
        parent_list.join(", ")
    );
    out.push_str("static PATTERNS: &[Pattern] = &[\n");
    for (key, (entry, how, text)) in &patterns {
        let (exact, rule) = match how {
            How::Exact => (true, "None".to_string()),
            How::Rule(r) => (false, format!("Some({r})")),
            How::Alias => (false, "None".to_string()),
        };
        let _ = writeln!(
            out,
            "    Pattern {{ text: {text:?}, key: {key:?}, entry: {entry}, exact: {exact}, rule: {rule} }},"
        );
    }
    out.push_str("];\n\nstatic RULES: &[Rule] = &[\n");
    for (entry, r) in &rules {
        let lower = |v: &[String]| -> Vec<String> {
            v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>()
        };
        let _ = writeln!(
            out,
            "    Rule {{ entry: {entry}, after: &{:?}, before: &{:?}, never_after: &{:?}, proper: {}, capital: {}, default: {}, list: {} }},",
            lower(&r.after),
            lower(&r.before),
            lower(&r.never_after),
            r.proper,
            r.capital,
            r.default,
            r.list
        );
    }
    out.push_str(
        "];\n\n/// AWS CLI namespaces (`aws <namespace> ...`), sorted for binary search.\n",
    );
    out.push_str("static CLI: &[(&str, u16)] = &[\n");
    for (name, entry) in &cli {
        let _ = writeln!(out, "    ({name:?}, {entry}),");
    }
    out.push_str("];\n");
    Ok(out)
}

fn check_slug(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!("`{id}` is not a lower-case slug"))
    }
}

fn strip_prefix(name: &str) -> &str {
    for prefix in ["Amazon ", "AWS "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            if !rest.trim().is_empty() {
                return rest;
            }
        }
    }
    name
}

/// Spelling variants written in the wild: words joined (`Route53`, `AutoScalingGroup`) and
/// hyphens as spaces or removed (`X Ray`, `XRay`, `Well Architected`).
fn variants(alias: &str) -> Vec<String> {
    let mut bases = vec![alias.to_string()];
    if alias.contains('-') {
        bases.push(alias.replace('-', " "));
        bases.push(alias.replace('-', ""));
    }
    // Each base as written, and with every space removed. Partial joins (`AutoScaling Group`)
    // would add a third more patterns (start-up time) and found nothing more in the corpus.
    let mut out: Vec<String> = Vec::new();
    for base in bases {
        let words: Vec<&str> = base.split(' ').filter(|w| !w.is_empty()).collect();
        out.push(words.join(" "));
        out.push(words.concat());
    }
    out.sort();
    out.dedup();
    out
}
