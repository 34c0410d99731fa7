/** The statements that store a page, shared by the portable writer (page-writer.ts) and SQLite's (page-writer-sqlite.ts). */
export const JOBS = 'bootstrap_job';
export const STEPS = 'bootstrap_checkpoint';
export const MARK_DONE = `update ${STEPS} set state = 'done', records = ?, attempts = attempts + ?, error = ?, not_before = null, updated_at = ? where id = ? and state = 'running'`;
export const DROP_PAST_END = `delete from ${STEPS} where job_id = ? and operation_id = ? and parent_id = ? and page > ? and state = 'pending'`;
export const INSERT_STEPS = `insert into ${STEPS} (job_id, operation_id, parent_id, page, level, state, updated_at) values`;
export const STEP_EXISTS = 'on conflict (job_id, operation_id, parent_id, page) do nothing';
