"""The store's schema, as an ordered list of migrations; `PRAGMA user_version` is the step reached.

Append new steps; never edit one that has shipped. Each runs in one transaction.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles with full-text search, one table per extracted kind.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        source TEXT,
        url TEXT,
        language TEXT,
        origin TEXT,
        ingested_at TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;

    CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        name TEXT, country TEXT, sector TEXT, code TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX actors_country ON actors(country);
    CREATE INDEX actors_code ON actors(code);

    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        type TEXT, mode TEXT, context TEXT, cameo TEXT,
        source_name TEXT, source_country TEXT, source_sector TEXT, source_code TEXT,
        target_name TEXT, target_country TEXT, target_sector TEXT, target_code TEXT,
        source TEXT NOT NULL, target TEXT NOT NULL,
        location_name TEXT, location_country TEXT, lat REAL, lon REAL, location TEXT,
        date TEXT, status TEXT NOT NULL,
        attributed_name TEXT, attributed_code TEXT, attributed_to TEXT,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
        confidence REAL,
        PRIMARY KEY (article_id, event_id)
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source_country ON events(source_country);
    CREATE INDEX events_target_country ON events(target_country);

    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker_name TEXT, speaker_code TEXT, speaker TEXT,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
        PRIMARY KEY (article_id, quote_id)
    );

    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id TEXT NOT NULL,
        stance TEXT NOT NULL,
        claimant_name TEXT, claimant_code TEXT, claimant TEXT,
        about TEXT NOT NULL, responds_to TEXT,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
        evidence TEXT NOT NULL, event_ids TEXT NOT NULL,
        PRIMARY KEY (article_id, claim_id)
    );

    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        name TEXT, country TEXT, lat REAL, lon REAL, geonameid INTEGER, feature TEXT,
        PRIMARY KEY (article_id, idx)
    );

    CREATE TABLE quantities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        value REAL NOT NULL, unit TEXT, what TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );

    CREATE TABLE dates (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        value TEXT, granularity TEXT,
        PRIMARY KEY (article_id, idx)
    );
    """,
    # 2: what the event coder adds to an event: background/foreground, reciprocity, the
    # action a statement is about, the statement that reports it, casualty and size figures.
    """
    ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN reciprocal INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN intent TEXT;
    ALTER TABLE events ADD COLUMN reported_in TEXT;
    ALTER TABLE events ADD COLUMN dead REAL;
    ALTER TABLE events ADD COLUMN injured REAL;
    ALTER TABLE events ADD COLUMN size REAL;
    ALTER TABLE events ADD COLUMN quantities TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX events_status ON events(status);
    CREATE INDEX events_background ON events(background);
    """,
    # 3: claim threads across articles (store/threads.py) and each claim's quotation stance.
    """
    CREATE TABLE claim_threads (
        thread_id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        stance TEXT,
        n_terms INTEGER NOT NULL DEFAULT 0,
        parties TEXT NOT NULL DEFAULT '',
        first_published TEXT,
        last_published TEXT,
        members INTEGER NOT NULL DEFAULT 0,
        vector BLOB
    );
    CREATE TABLE thread_terms (
        thread_id INTEGER NOT NULL REFERENCES claim_threads(thread_id),
        term TEXT NOT NULL,
        claims INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (term, thread_id)
    );
    CREATE INDEX thread_terms_thread ON thread_terms(thread_id);
    ALTER TABLE claims ADD COLUMN thread_id INTEGER;
    CREATE INDEX claims_thread ON claims(thread_id);
    CREATE INDEX claims_stance ON claims(stance);
    ALTER TABLE quotes ADD COLUMN stance TEXT NOT NULL DEFAULT 'asserts';
    """,
    # 4: what the web app filters and sorts events by.
    """
    CREATE INDEX events_source_code ON events(source_code);
    CREATE INDEX events_target_code ON events(target_code);
    CREATE INDEX events_location_country ON events(location_country);
    CREATE INDEX places_country ON places(country);
    CREATE INDEX claims_article ON claims(article_id);
    """,
    # 5: story clusters of near-duplicate articles (store/stories.py).
    """
    CREATE TABLE stories (
        story_id INTEGER PRIMARY KEY,
        first_article TEXT NOT NULL,
        first_published TEXT
    );
    CREATE TABLE story_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(story_id),
        signature BLOB NOT NULL
    );
    CREATE INDEX story_signatures_story ON story_signatures(story_id);
    ALTER TABLE articles ADD COLUMN story_id INTEGER;
    CREATE INDEX articles_story ON articles(story_id);
    """,
    # 6: real-world event clusters across reports (store/clusters.py).
    """
    CREATE TABLE event_clusters (
        cluster_id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        source_key TEXT NOT NULL,
        target_key TEXT NOT NULL,
        location_key TEXT NOT NULL,
        first_date TEXT,
        last_date TEXT,
        story_id INTEGER,
        num_reports INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        first_reported TEXT
    );
    CREATE INDEX event_clusters_key ON event_clusters(type, source_key, target_key,
                                                     location_key);
    ALTER TABLE events ADD COLUMN cluster_id INTEGER;
    CREATE INDEX events_cluster ON events(cluster_id);
    """,
    # 7: why an actor's country is known (stated, apposition, coreference, article-setting).
    """
    ALTER TABLE actors ADD COLUMN country_basis TEXT;
    ALTER TABLE actors ADD COLUMN country_confidence REAL;
    """,
    # 8: why an event has its date and place; the other sentences that report it; a date
    # that only heads the story (the report's date).
    """
    ALTER TABLE events ADD COLUMN date_basis TEXT;
    ALTER TABLE events ADD COLUMN location_basis TEXT;
    ALTER TABLE events ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE dates ADD COLUMN dateline INTEGER NOT NULL DEFAULT 0;
    """,
    # 9: the outlet an article is filed under: its stated source, else its URL's site
    # (outlets.py; the store names the sites of older articles when it opens for writing).
    """
    ALTER TABLE articles ADD COLUMN outlet TEXT;
    UPDATE articles SET outlet = nullif(trim(source), '');
    CREATE INDEX articles_outlet ON articles(outlet);
    """,
    # 10: how a place is named: as a place, or standing for an actor ("Moscow said"); how
    # precise an event's date is.
    """
    ALTER TABLE places ADD COLUMN use TEXT;
    ALTER TABLE events ADD COLUMN date_precision TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
