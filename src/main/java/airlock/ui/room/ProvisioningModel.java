package airlock.ui.room;

import airlock.core.AirlockException;
import airlock.core.room.RoomInit;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The provisioning screen's state: the four things a room administrator brings (their public key, the
 * signed policy, supervisor keys, vendor keys) and the outcome of {@link RoomInit#init}, the same
 * call {@code airlock room init} makes. The set-up is a few small files and one signature check
 * (milliseconds), so it runs on the FX thread.
 */
public final class ProvisioningModel {
    private final Texts texts;
    private final Path home;
    private final ObjectProperty<Path> adminKey = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> policy = new SimpleObjectProperty<>();
    private final ObservableList<Path> supervisorKeys = FXCollections.observableArrayList();
    private final ObservableList<Path> vendorKeys = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding ready;

    public ProvisioningModel(Texts texts, Path home) {
        this.texts = texts;
        this.home = home;
        ready = Bindings.createBooleanBinding(() -> adminKey.get() != null && policy.get() != null
                && !supervisorKeys.isEmpty() && !vendorKeys.isEmpty() && !done.get(),
                adminKey, policy, supervisorKeys, vendorKeys, done);
    }

    /** Runs the set-up; the outcome says each step done (read back), or the one reason it was refused. */
    public void setUp() {
        if (!ready.get()) {
            return;
        }
        try {
            RoomInit.Result result = RoomInit.init(home, new RoomInit.Request(adminKey.get(), policy.get(),
                    List.copyOf(supervisorKeys), List.copyOf(vendorKeys)), new SecureRandom());
            StringBuilder text = new StringBuilder();
            result.steps().forEach(step -> text.append("✓ ").append(VisibleText.escape(step)).append('\n'));
            text.append(texts.get("room.provision.done"));
            outcome.set(text.toString());
            failed.set(false);
            done.set(true);
        } catch (AirlockException e) {
            outcome.set(texts.format(RoomInit.FAILED.equals(e.code()) ? "room.provision.failed" : "room.provision.refused",
                    VisibleText.escape(String.valueOf(e.getMessage()))));
            failed.set(true);
        }
    }

    public Path home() {
        return home;
    }

    public ObjectProperty<Path> adminKeyProperty() {
        return adminKey;
    }

    public ObjectProperty<Path> policyProperty() {
        return policy;
    }

    public ObservableList<Path> supervisorKeys() {
        return supervisorKeys;
    }

    public ObservableList<Path> vendorKeys() {
        return vendorKeys;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public BooleanBinding readyProperty() {
        return ready;
    }
}
