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
SELECT 'E', type, key, skey, given, initial, name, gender FROM entities ORDER BY type, key;
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
       g.text_hash, g.first_date, g.first_ext, g.n FROM qgroups g ORDER BY 2, 3;
SELECT 'F', count(*) FROM statements_fts;
SELECT 'Q', ar.ext_id, s.start FROM statements_fts f JOIN statements s ON s.id = f.rowid
  JOIN articles ar ON ar.id = s.article WHERE statements_fts MATCH 'said OR government OR people'
  ORDER BY 2, 3;
