package org.keywarden.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One named setting, with who changed it last and when. Never holds a secret. */
@Entity
@Table(name = "keywarden_setting")
public class Setting {

    @Id
    @Column(name = "setting_name", length = 128)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 4000)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 256)
    private String changedBy;

    protected Setting() {
    }

    public Setting(String name) {
        this.name = name;
    }

    public void change(String newValue, String by, Instant at) {
        this.value = newValue;
        this.changedBy = by;
        this.changedAt = at;
    }

    public String getName() { return name; }
    public String getValue() { return value; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
}
