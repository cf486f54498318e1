//! 07: the course's websocket, sending and receiving at the same time, with
//! asyncio.wait(FIRST_COMPLETED), on a simulated socket (two queues).

use crate::runtime::{wait, Loop, Program, PyResult, Queue, ReturnWhen};

#[derive(Clone)]
struct FakeWebSocket {
    lp: Loop,
    entrants: Queue<String>,
    sortants: Queue<String>,
}

impl FakeWebSocket {
    fn new(lp: &Loop) -> Self {
        lp.line(7);
        let entrants = Queue::new(lp, 0);
        lp.line(8);
        let sortants = Queue::new(lp, 0);
        FakeWebSocket {
            lp: lp.clone(),
            entrants,
            sortants,
        }
    }

    async fn send(&self, message: String) -> PyResult<()> {
        self.lp.line(11);
        self.lp.sleep(0.1).await?;
        self.lp.line(12);
        self.sortants.put(message).await
    }

    async fn recv(&self) -> PyResult<String> {
        self.lp.line(15);
        self.entrants.get().await
    }
}

async fn serveur_distant(lp: Loop, ws: FakeWebSocket) -> PyResult<()> {
    for (delai, texte) in [
        (0.25, "bonjour"),
        (0.5, "nouvelles données"),
        (0.2, "fermeture"),
    ] {
        lp.line(19);
        lp.line(20);
        lp.sleep(delai).await?;
        lp.line(21);
        ws.entrants.put(texte.to_string()).await?;
    }
    lp.line(19);
    Ok(())
}

async fn gestion_envoi_message(lp: Loop, websocket: FakeWebSocket) -> PyResult<()> {
    for i in 0..5 {
        lp.line(24);
        lp.line(25);
        websocket.send(format!("ping {i}")).await?;
        lp.line(26);
        lp.print(&format!("envoyé : ping {i}"));
        lp.line(27);
        lp.sleep(0.3).await?;
    }
    lp.line(24);
    Ok(())
}

async fn gestion_reception_message(lp: Loop, websocket: FakeWebSocket) -> PyResult<()> {
    loop {
        lp.line(30);
        lp.line(31);
        let message = websocket.recv().await?;
        lp.line(32);
        lp.print(&format!("reçu : {message}"));
        lp.line(33);
        if message == "fermeture" {
            lp.line(34);
            return Ok(());
        }
    }
}

async fn main(lp: Loop) -> PyResult<()> {
    lp.line(37);
    let websocket = FakeWebSocket::new(&lp);
    lp.line(38);
    lp.create_task(
        "serveur_distant",
        serveur_distant(lp.clone(), websocket.clone()),
    );
    lp.line(40);
    let envoyer = lp.create_task(
        "gestion_envoi_message",
        gestion_envoi_message(lp.clone(), websocket.clone()),
    );
    lp.line(42);
    let recevoir = lp.create_task(
        "gestion_reception_message",
        gestion_reception_message(lp.clone(), websocket.clone()),
    );
    lp.line(43);
    let (termine, attente) =
        wait(&lp, &[envoyer, recevoir], ReturnWhen::FirstCompleted, None).await?;
    lp.line(47);
    lp.print(&format!(
        "terminées : {} en attente : {}",
        termine.len(),
        attente.len()
    ));
    for tache in attente {
        lp.line(48);
        lp.line(49);
        tache.cancel();
    }
    lp.line(48);
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(51);
        lp.run("main", main(lp.clone())).await
    })
}
