-- dump.sql -- a canonical dump of a saywho store: every row of the main tables, keyed by natural
-- keys (article ids, entity keys) instead of row ids, sorted. Two stores with the same dump hold
-- the same data. Used by crash_test.sh; run with: sqlite3 -batch DB < dump.sql
.mode list
.separator "\t"
.nullvalue NULL
PRAGMA user_version;
PRAGMA integrity_check;
INSERT INTO statements_fts(statements_fts) VALUES('integrity-check');
SELECT 'A', ext_id, url, title, date, date_raw, source, content_hash, bytes, n_statements
  FROM articles ORDER BY ext_id;
SELECT 'E', type, key, skey, given, initial, name, gender, refs FROM entities ORDER BY type, key;
-- refs must be the number of articles that mention the entity or quote it as a speaker: 'R 0'
WITH r AS (SELECT entity, count(*) AS c FROM (SELECT entity, article FROM mentions
             UNION SELECT speaker, article FROM statements WHERE speaker IS NOT NULL) GROUP BY entity)
SELECT 'R', count(*) FROM entities e LEFT JOIN r ON r.entity = e.id WHERE e.refs != coalesce(r.c, 0);
SELECT 'L', e.type, e.key, a.name, a.folded FROM aliases a JOIN entities e ON e.id = a.entity
  ORDER BY 2, 3, 4;
SELECT 'M', ar.ext_id, e.type, e.key, m.n, m.spans FROM mentions m
  JOIN articles ar ON ar.id = m.article JOIN entities e ON e.id = m.entity ORDER BY 2, 3, 4;
SELECT 'S', ar.ext_id, s.start, s.end, s.text, s.kind, s.section, s.is_statement, e.key,
       s.speaker_name, s.resolution, s.speaker_start, s.speaker_end, s.cue, s.via, ad.key,
       s.confidence, g.text_hash
  FROM statements s JOIN articles ar ON ar.id = s.article
  LEFT JOIN entities e ON e.id = s.speaker LEFT JOIN entities ad ON ad.id = s.addressee
  LEFT JOIN qgroups g ON g.id = s.qgroup ORDER BY 2, 3, 4, 5;
SELECT 'G', CASE WHEN g.speaker_key LIKE 'e:%'
              THEN (SELECT 'e:' || key FROM entities WHERE id = CAST(substr(g.speaker_key, 3) AS INTEGER))
              ELSE g.speaker_key END AS spk,
       g.text_hash, g.first_date, g.first_ext, g.n, g.n_articles FROM qgroups g ORDER BY 2, 3;
-- every group's counts and first report must be those of its statements: 'V 0'
WITH c AS (SELECT qgroup AS id, count(*) AS n, count(DISTINCT article) AS na FROM statements
             WHERE qgroup IS NOT NULL GROUP BY qgroup),
     f AS (SELECT id, ext FROM (SELECT st.qgroup AS id, a.ext_id AS ext, row_number() OVER
             (PARTITION BY st.qgroup ORDER BY a.date IS NULL, a.date, a.ext_id) AS rn
             FROM statements st JOIN articles a ON a.id = st.article WHERE st.qgroup IS NOT NULL)
           WHERE rn = 1)
SELECT 'V', (SELECT count(*) FROM qgroups g LEFT JOIN c ON c.id = g.id LEFT JOIN f ON f.id = g.id
             WHERE c.n IS NULL OR g.n != c.n OR g.n_articles != c.na OR g.first_ext != f.ext)
          + (SELECT count(*) FROM c WHERE c.id NOT IN (SELECT id FROM qgroups));
-- group_statements must list exactly the grouped statements under their groups: 'P 0'
SELECT 'P', (SELECT count(*) FROM group_statements g LEFT JOIN statements s ON s.id = g.statement
             WHERE s.qgroup IS NOT g.qgroup)
          + (SELECT count(*) FROM statements s WHERE s.qgroup IS NOT NULL AND NOT EXISTS
             (SELECT 1 FROM group_statements g WHERE g.qgroup = s.qgroup AND g.statement = s.id));
SELECT 'F', count(*) FROM statements_fts;
SELECT 'Q', ar.ext_id, s.start FROM statements_fts f JOIN statements s ON s.id = f.rowid
  JOIN articles ar ON ar.id = s.article WHERE statements_fts MATCH 'said OR government OR people'
  ORDER BY 2, 3;
