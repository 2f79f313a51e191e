-- Loaded into every new tenant's database.
CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE invoices (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES projects (id), total_cents INTEGER NOT NULL);
